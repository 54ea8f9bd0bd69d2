/** Coupon DTOs shared by the API and the mini-program. Money is integer fen; times are ISO UTC. */
import type { MemberCouponStatus } from './state';

/** 满减 (¥X off from ¥Y), 折扣 (n % off, capped), 无门槛 (¥X off, no threshold). */
export const COUPON_KINDS = ['amount_off', 'percent_off', 'no_threshold'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];
export const COUPON_KIND_LABELS: Record<CouponKind, string> = { amount_off: '满减', percent_off: '折扣', no_threshold: '无门槛' };

/** Which goods a coupon discounts. */
export type CouponScope = { type: 'all' } | { type: 'categories'; ids: readonly number[] } | { type: 'products'; ids: readonly number[] };

/** Fixed dates (ISO UTC), or N days from receipt. */
export type CouponValidity = { type: 'fixed'; from: string; to: string } | { type: 'relative'; days: number };

/**
 * Who may receive a coupon: anyone; new members only (registered within NEW_MEMBER_DAYS and no
 * paid order yet); a tier and above (tier rank: 0 基础, 1 银卡, 2 金卡, 3 黑卡).
 */
export type CouponAudience = { type: 'anyone' } | { type: 'new_members' } | { type: 'tier'; minTierRank: number };

/** The terms that decide whether and how much a coupon discounts. */
export interface CouponTerms {
  kind: CouponKind;
  /** amount_off / no_threshold: the fen taken off. */
  amountOffFen: number;
  /** amount_off / percent_off: the eligible goods must come to at least this (0 = none). */
  thresholdFen: number;
  /** percent_off: 1..99, the share taken off (10 = 九折). */
  percentOff: number;
  /** percent_off: the most it takes off (0 = no cap). */
  maxOffFen: number;
  scope: CouponScope;
  firstOrderOnly: boolean;
}

/** How a grant came about: part of its idempotency key (template, member, source). */
export type GrantSource = 'claim' | 'push' | 'new_member' | 'points_mall';

export interface CouponTemplateDto extends CouponTerms {
  id: number;
  name: string;
  /** 满 99 减 10 / 9 折，最高减 ¥20 / 无门槛减 ¥5 (made by describeTerms). */
  summary: string;
  validity: CouponValidity;
  audience: CouponAudience;
  /** Total quota (copies that may ever be issued) and how many are issued. */
  totalQuota: number;
  issuedCount: number;
  perMemberLimit: number;
  /** Listed in 领券中心 (shoppers claim it themselves). */
  claimable: boolean;
  active: boolean;
  /** Also usable at a store's counter: the member's copy shows a store code the cashier scans. */
  usableInStore: boolean;
}

/** 领券中心: a template with what this shopper may still do with it. */
export interface CouponCenterItemDto extends CouponTemplateDto {
  /** Copies this shopper already holds (any status). */
  heldCount: number;
  /** null when 立即领取 works; otherwise the error code that explains why not. */
  blockedBy: string | null;
}

export interface MemberCouponDto extends CouponTerms {
  id: number;
  templateId: number;
  name: string;
  summary: string;
  status: MemberCouponStatus;
  validFrom: string;
  validTo: string;
  source: GrantSource;
  orderId: number | null;
  receivedAt: string;
  usableInStore: boolean;
  /**
   * The 12-digit code a cashier scans (门店核销): only on an unused copy of an in-store template,
   * made the first time the wallet shows it; null otherwise.
   */
  storeCode: string | null;
  /** The store that redeemed it at its counter (null when unused or used online). */
  redeemedStoreId: number | null;
}

/** What the counter learns when it redeems a store code (the coupons module's redeemInStore). */
export interface StoreRedemption {
  memberCouponId: number;
  memberId: number;
  templateName: string;
  /** The fen off for 满减 / 无门槛; null for a 折扣 coupon (the counter applies percentOff). */
  discountFen: number | null;
  thresholdFen: number;
}

/** One coupon as 确认订单 sees it: usable with its discount, or the reason it is not. */
export interface CouponOptionDto {
  coupon: MemberCouponDto;
  usable: boolean;
  /** The discount it would give on this order (0 when unusable). */
  amountFen: number;
  /** For an unusable one: the error code and the Chinese reason. */
  reasonCode: string | null;
  reason: string | null;
}

/** notes.coupon of the checkout preview. */
export interface CouponCheckoutNote {
  options: CouponOptionDto[];
  /** The member-coupon id of the best usable coupon (null when none is usable). */
  bestId: number | null;
  /** The coupon the body asked for, if any. */
  chosenId: number | null;
}

/** 新人礼 as the 首页 popup shows it. */
export interface NewMemberGiftDto {
  coupons: MemberCouponDto[];
  points: number;
  grantedAt: string;
  /** Whether the popup has been shown already. */
  shown: boolean;
}
