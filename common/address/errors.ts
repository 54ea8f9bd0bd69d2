/** Error copy of delivery addresses. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const ADDRESS_ERRORS = {
  ADDRESS_NOT_FOUND: '收货地址不存在',
  ADDRESS_LIMIT_REACHED: '收货地址已达上限',
} as const;
