/** Error copy of coupons and the new-member gift. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const COUPON_ERRORS = {
  COUPON_TEMPLATE_NOT_FOUND: '优惠券不存在',
  COUPON_NOT_FOUND: '优惠券不存在',
  COUPON_TEMPLATE_INACTIVE: '该优惠券已停止发放',
  COUPON_SOLD_OUT: '优惠券已被领完',
  COUPON_LIMIT_REACHED: '已达到领取上限',
  COUPON_AUDIENCE_MISMATCH: '该优惠券仅限指定会员领取',
  COUPON_NOT_USABLE: '该优惠券已使用或正在使用中',
  COUPON_NOT_STARTED: '优惠券尚未到可用时间',
  COUPON_EXPIRED: '优惠券已过期',
  COUPON_FIRST_ORDER_ONLY: '该优惠券仅限首单使用',
  COUPON_OUT_OF_SCOPE: '订单中没有该优惠券适用的商品',
  COUPON_BELOW_THRESHOLD: '未达到优惠券的使用门槛',
  NEW_MEMBER_GIFT_NOT_FOUND: '暂无新人礼',
  COUPON_CODE_NOT_FOUND: '券码不存在',
  COUPON_NOT_USABLE_IN_STORE: '该优惠券不可在门店使用',
  COUPON_ALREADY_USED: '该优惠券已使用或正在线上订单中使用',
} as const;
