/** Error copy of payments and refunds (common/order/refund-state.ts). Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const PAYMENT_ERRORS = {
  REFUND_NOT_FOUND: '退款申请不存在',
  REFUND_AMOUNT_INVALID: '退款金额不正确',
  REFUND_IN_PROGRESS: '已有退款正在处理中',
  PAYMENT_UNAVAILABLE: '支付服务暂时不可用，请稍后再试',
  PAYMENT_NOT_SUPPORTED: '当前环境不支持微信支付，请在微信小程序中支付',
  REFUND_STATE_CONFLICT: '退款状态已变化，请刷新后重试',
} as const;
