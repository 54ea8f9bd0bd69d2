/** Order, checkout and refund DTOs shared by the API and the mini-program. Money is integer fen. */
import type { AddressSnapshot } from '../address/types';
import type { CheckoutNotes } from './checkout-notes';
import type { AppliedAdjustment } from './pricing';
import type { OrderKind, OrderStatus } from './state';

/** What the client sends to check out: SKU ids and quantities, nothing priced. */
export interface CheckoutLineInput {
  skuId: number;
  quantity: number;
}

export interface CheckoutRequest {
  lines: CheckoutLineInput[];
  /** Required when the order ships; absent for one that does not (到店自提, see kindShips). */
  addressId?: number;
  remark?: string;
  /** Remove the bought SKUs from the cart once the order is placed (checkout from the cart). */
  fromCart?: boolean;
}

/**
 * The fields checkout contributors read (each optional; a feature adds its own here): ids and
 * counts only, never an amount.
 */
export interface CheckoutContributions {
  [field: string]: unknown;
}

/** 确认订单 asks for a price without placing: the same body, the address optional. */
export type CheckoutPreviewRequest = Omit<CheckoutRequest, 'addressId'> & { addressId?: number } & CheckoutContributions;

export interface OrderLineDto {
  skuId: number;
  productId: number;
  title: string;
  specLabel: string;
  image: string | null;
  unitPriceFen: number;
  quantity: number;
  subtotalFen: number;
  discountFen: number;
  payableFen: number;
}

/** 确认订单: the server's pricing of a prospective order, before it is placed. */
export interface CheckoutPreviewDto {
  kind: OrderKind;
  lines: OrderLineDto[];
  goodsFen: number;
  discountFen: number;
  freightFen: number;
  payableFen: number;
  /** Every adjustment asked for, in the order applied, with what it really took. */
  adjustments: AppliedAdjustment[];
  /** What each contributor tells the page (usable coupons, points balance …), by contributor name. */
  notes: CheckoutNotes;
}

export interface OrderSummaryDto {
  id: number;
  orderNo: string;
  kind: OrderKind;
  status: OrderStatus;
  payableFen: number;
  itemCount: number;
  lines: OrderLineDto[];
  createdAt: string;
  /** When an unpaid order is cancelled automatically (ISO time); null once paid. */
  payDeadline: string | null;
}

export const REFUND_STATUSES = ['requested', 'processing', 'abnormal', 'succeeded', 'rejected', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const REFUND_STATUS_LABELS: Record<RefundStatus, string> = {
  requested: '待审核',
  processing: '退款处理中',
  /** WeChat took the money back but could not pay the shopper yet; SUCCESS or CLOSED follows. */
  abnormal: '退款异常，处理中',
  succeeded: '退款成功',
  rejected: '已拒绝',
  failed: '退款失败',
};

export interface RefundDto {
  id: number;
  refundNo: string;
  amountFen: number;
  reason: string;
  status: RefundStatus;
  createdAt: string;
}

export interface OrderDetailDto extends OrderSummaryDto {
  goodsFen: number;
  discountFen: number;
  freightFen: number;
  refundedFen: number;
  /** What each discount really took (member price, coupon, points …). */
  adjustments: AppliedAdjustment[];
  /** null for an order that never ships (到店自提). */
  address: AddressSnapshot | null;
  remark: string;
  paidAt: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** carrier: WeChat's delivery company id (SF, ZTO, …); carrierName: what the pages show (顺丰速运). */
  shipping: { carrier: string; carrierName: string; trackingNo: string } | null;
  refunds: RefundDto[];
}

/** The answer of "pay this order": either WeChat Pay parameters or the development shortcut. */
export type PayStartDto =
  | {
      mode: 'wechat';
      /** Arguments of wx.requestPayment, signed by the server. */
      params: { timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string };
    }
  | { mode: 'dev' };

export const REFUND_REASONS = ['不想要了', '拍错了/多拍了', '商品信息描述不符', '未按约定时间发货', '其他'] as const;

/** HQ order list filters: dates are Beijing calendar days (YYYY-MM-DD), both ends included. */
export interface HqOrderFilter {
  status?: OrderStatus;
  kind?: OrderKind;
  orderNo?: string;
  /** The receiver's phone (收货人手机), exact. */
  phone?: string;
  from?: string;
  to?: string;
}

/** One transition of an order or a refund, as the state logs keep it. */
export interface StateLogEntryDto {
  fromStatus: string | null;
  toStatus: string;
  event: string;
  actor: string;
  note: string;
  createdAt: string;
}

export interface PaymentRecordDto {
  outTradeNo: string;
  mode: 'wechat' | 'dev' | 'zero';
  amountFen: number;
  transactionId: string | null;
  paidAt: string | null;
  createdAt: string;
}

/** 订单详情 (HQ): the order's payment and each of its refunds' state log (the payments module's reads). */
export interface HqOrderPaymentsDto {
  payment: PaymentRecordDto | null;
  refundLogs: (StateLogEntryDto & { refundId: number })[];
}

/** A refund in HQ's review list: which order it belongs to. */
export interface HqRefundDto extends RefundDto {
  orderId: number;
  orderNo: string;
}
