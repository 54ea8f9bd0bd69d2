/** DTOs of the POS integration: what the counter and HQ's console read. */
import type { AttributionRule } from './rules';

export interface PosKeyDto {
  id: number;
  storeId: number;
  keyId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Answered once, at creation: the secret is never shown again. */
export interface PosKeyCreated extends PosKeyDto {
  secret: string;
}

export interface PosIdentified {
  /** What the sale names the member by: signed, bound to this store, valid 24 h. */
  memberRef: string;
  memberId: number;
  tier: string;
  pointsBalance: number;
  maskedPhone: string | null;
}

export interface PosSaleResult {
  saleId: number;
  receiptNo: string;
  storeId: number;
  memberId: number | null;
  guideId: number | null;
  attribution: AttributionRule;
  payableFen: number;
  pointsEarned: number;
  bonusPoints: number;
}

export interface PosReturnResult {
  returnId: number;
  returnNo: string;
  receiptNo: string;
  amountFen: number;
  returnedTotalFen: number;
  pointsTakenBack: number;
}

export interface PosSaleRow extends PosSaleResult {
  soldAt: string;
  day: string;
  paymentMethod: string;
  totalFen: number;
  discountFen: number;
  returnedFen: number;
  lineCount: number;
}

/** Offline (net of returns), online (the guides report's GMV) and total, per store and guide. */
export interface PosSummaryRow {
  storeId: number | null;
  guideId: number | null;
  offlineSales: number;
  offlinePayableFen: number;
  offlineReturnedFen: number;
  offlineNetFen: number;
  onlineOrders: number;
  onlineGmvFen: number;
  totalGmvFen: number;
  /** Offline commission accrued less reversed in the period (when HQ turned it on). */
  offlineCommissionFen: number;
}

export interface PosSettings {
  /** 双倍积分: a WeCom add after a counter scan doubles the next offline sale's points. */
  doublePoints: boolean;
  /** Whether offline sales accrue guide commission. */
  offlineCommission: boolean;
}

export const DEFAULT_POS_SETTINGS: PosSettings = { doublePoints: false, offlineCommission: false };

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
