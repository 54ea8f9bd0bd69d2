/** Error copy of 门店自提. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const PICKUP_ERRORS = {
  PICKUP_STORE_NOT_FOUND: '该门店不存在或暂不支持自提',
  PICKUP_NOT_FOUND: '未找到该提货码的订单',
  PICKUP_NOT_READY: '该订单当前不可取货',
  PICKUP_ALREADY_COLLECTED: '该订单已取货，请勿重复核销',
} as const;
