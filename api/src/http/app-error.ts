import type { ErrorCode } from '@common/errors';

/** HTTP status for each code. Unlisted codes are 400: a caller mistake unless said otherwise. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  HQ_LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  WECHAT_RISKY_USER: 403,
  NOT_FOUND: 404,
  PRODUCT_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  SKU_NOT_FOUND: 404,
  CART_ITEM_NOT_FOUND: 404,
  ADDRESS_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  REFUND_NOT_FOUND: 404,
  OUTBOX_DELIVERY_NOT_FOUND: 404,
  OUTBOX_DELIVERY_DONE: 409,
  SKU_OFF_SALE: 409,
  OUT_OF_STOCK: 409,
  ORDER_STATE_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  ORDER_PAY_EXPIRED: 409,
  REFUND_IN_PROGRESS: 409,
  CART_FULL: 409,
  ADDRESS_LIMIT_REACHED: 409,
  SKU_SPEC_DUPLICATE: 409,
  STOCK_WOULD_GO_NEGATIVE: 409,
  STOCK_OVER_LIMIT: 409,
  CATEGORY_NAME_TAKEN: 409,
  BANNER_NOT_FOUND: 404,
  IMAGE_TOO_LARGE: 413,
  IMAGE_TYPE_UNSUPPORTED: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  WECHAT_RATE_LIMITED: 429,
  INTERNAL: 500,
  WECHAT_UNAVAILABLE: 502,
  PAYMENT_UNAVAILABLE: 502,
  SERVICE_UNAVAILABLE: 503,
  // --- refunds ---
  REFUND_STATE_CONFLICT: 409,
  // --- hardening ---
  CONTENT_ENCODING_UNSUPPORTED: 415,
  DB_UNAVAILABLE: 503,
  // --- group-buy ---
  GROUPBUY_CAMPAIGN_NOT_FOUND: 404,
  GROUPBUY_GROUP_NOT_FOUND: 404,
  GROUPBUY_NOT_STARTED: 409,
  GROUPBUY_ENDED: 409,
  GROUPBUY_SOLD_OUT: 409,
  GROUPBUY_GROUP_FULL: 409,
  GROUPBUY_GROUP_CLOSED: 409,
  GROUPBUY_ALREADY_IN_GROUP: 409,
  GROUPBUY_LIMIT_REACHED: 409,
  GROUPBUY_STOCK_BELOW_COMMITTED: 409,
  GROUPBUY_CAMPAIGN_STATE: 409,
  GROUPBUY_SKU_STOCK_SHORT: 409,
  GROUPBUY_POSTER_FAILED: 502,
  // --- coupons & new-member gift (threshold, scope, first order, not started: 400) ---
  COUPON_TEMPLATE_NOT_FOUND: 404,
  COUPON_NOT_FOUND: 404,
  NEW_MEMBER_GIFT_NOT_FOUND: 404,
  COUPON_TEMPLATE_INACTIVE: 409,
  COUPON_SOLD_OUT: 409,
  COUPON_LIMIT_REACHED: 409,
  COUPON_AUDIENCE_MISMATCH: 409,
  COUPON_NOT_USABLE: 409,
  COUPON_EXPIRED: 409,
  // --- points mall ---
  MALL_ITEM_NOT_FOUND: 404,
  MALL_ITEM_SOLD_OUT: 409,
  MALL_LIMIT_REACHED: 409,
  // --- membership & points ---
  POINTS_INSUFFICIENT: 409,
  POINTS_ALREADY_SIGNED_IN: 409,
  BIRTHDAY_ALREADY_SET: 409,
  MEMBER_NOT_FOUND: 404,
  // --- guides ---
  STORE_NOT_FOUND: 404,
  GUIDE_NOT_FOUND: 404,
  STORE_CODE_TAKEN: 409,
  GUIDE_WECOM_USER_TAKEN: 409,
  GUIDE_ALREADY_LEFT: 409,
  GUIDE_ACCOUNT_TAKEN: 409,
  NOT_A_GUIDE: 403,
  WECOM_CALLBACK_REJECTED: 403,
  ATTRIBUTION_RULES_CHANGED: 409,
  GUIDE_POSTER_TOO_LONG: 409,
  GUIDE_POSTER_PAGE_MISSING: 502,
  GUIDE_POSTER_QUOTA: 429,
  GUIDE_POSTER_FAILED: 502,
};

function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * The one error type services throw. Throwing inside Transactor.run rolls the writes back;
 * the error middleware turns it into `{ ok:false, code, message }` with the status above.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly issues?: FieldIssue[],
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
    this.status = statusOf(code);
  }
}
