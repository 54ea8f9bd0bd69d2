/** Error copy of checkout and the order lifecycle. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const ORDER_ERRORS = {
  PRICE_FIELD_REFUSED: '价格由服务端计算，请勿提交价格字段',
  ORDER_NOT_FOUND: '订单不存在',
  ORDER_AMOUNT_TOO_LARGE: '订单金额超出上限，请分开下单',
  ORDER_STATE_CONFLICT: '订单状态已变化，请刷新后重试',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容不一致，请刷新后重试',
  ORDER_PAY_EXPIRED: '订单已超时取消，请重新下单',
} as const;
