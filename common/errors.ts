/**
 * Every error code the API can answer with, and the Chinese copy a page shows for it.
 * The API maps codes to HTTP status (api/src/http/app-error.ts); pages look the copy up here,
 * so a shopper sees the same words whichever screen hit the error.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '请求参数有误',
  PRICE_FIELD_REFUSED: '价格由服务端计算，请勿提交价格字段',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '页面不存在',
  PRODUCT_NOT_FOUND: '商品不存在或已下架',
  CATEGORY_NOT_FOUND: '分类不存在',
  SKU_NOT_FOUND: '商品规格不存在',
  SKU_SPEC_INVALID: '规格与商品的规格定义不一致',
  SKU_SPEC_DUPLICATE: '该规格组合已存在',
  STOCK_WOULD_GO_NEGATIVE: '库存不足，无法扣减',
  STOCK_OVER_LIMIT: '库存超出上限（9,999,999 件）',
  CATEGORY_NAME_TAKEN: '分类名称已存在',
  BANNER_NOT_FOUND: '轮播图不存在',
  IMAGE_EMPTY: '请选择要上传的图片',
  IMAGE_TOO_LARGE: '图片不能超过 2 MB',
  IMAGE_TYPE_UNSUPPORTED: '只支持 PNG、JPEG、WebP 格式的图片',
  CART_ITEM_NOT_FOUND: '购物车中没有这件商品',
  CART_FULL: '购物车已满，请先清理部分商品',
  CART_EMPTY: '请先选择要结算的商品',
  QUANTITY_INVALID: '购买数量不正确',
  QUANTITY_OVER_LIMIT: '超出单次购买数量上限',
  SKU_OFF_SALE: '商品已下架',
  OUT_OF_STOCK: '库存不足，请减少数量或选择其他规格',
  ADDRESS_NOT_FOUND: '收货地址不存在',
  ADDRESS_LIMIT_REACHED: '收货地址已达上限',
  ORDER_NOT_FOUND: '订单不存在',
  ORDER_AMOUNT_TOO_LARGE: '订单金额超出上限，请分开下单',
  ORDER_STATE_CONFLICT: '订单状态已变化，请刷新后重试',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容不一致，请刷新后重试',
  ORDER_PAY_EXPIRED: '订单已超时取消，请重新下单',
  REFUND_NOT_FOUND: '退款申请不存在',
  REFUND_AMOUNT_INVALID: '退款金额不正确',
  REFUND_IN_PROGRESS: '已有退款正在处理中',
  PAYMENT_UNAVAILABLE: '支付服务暂时不可用，请稍后再试',
  PAYMENT_NOT_SUPPORTED: '当前环境不支持微信支付，请在微信小程序中支付',
  HQ_LOGIN_FAILED: '账号或密码错误',
  WECHAT_CODE_INVALID: '登录凭证已失效，请重新进入小程序',
  WECHAT_RATE_LIMITED: '登录太频繁，请稍后再试',
  WECHAT_RISKY_USER: '当前微信账号存在风险，暂时无法登录',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '请以 JSON 格式提交',
  SERVICE_UNAVAILABLE: '服务维护中，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
  OUTBOX_DELIVERY_NOT_FOUND: '事件投递记录不存在',
  OUTBOX_DELIVERY_DONE: '该事件已处理完成，无需重试',
  // --- refunds (common/order/refund-state.ts) ---
  REFUND_STATE_CONFLICT: '退款状态已变化，请刷新后重试',
  // --- hardening: malformed bodies and database faults ---
  BODY_ENCODING_INVALID: '请求内容与声明的压缩格式不符，请重新提交',
  CONTENT_ENCODING_UNSUPPORTED: '不支持该压缩格式，请以 JSON 提交',
  DB_UNAVAILABLE: '当前访问人数较多，请稍后重试',
  // --- group-buy (拼团秒杀) ---
  GROUPBUY_CAMPAIGN_NOT_FOUND: '拼团活动不存在',
  GROUPBUY_GROUP_NOT_FOUND: '这个团不存在',
  GROUPBUY_NOT_STARTED: '活动还没开始，请稍后再来',
  GROUPBUY_ENDED: '活动已结束',
  GROUPBUY_SOLD_OUT: '手慢了，拼团名额已抢光',
  GROUPBUY_GROUP_FULL: '这个团已经满员了，去开一个新团吧',
  GROUPBUY_GROUP_CLOSED: '这个团已结束，去开一个新团吧',
  GROUPBUY_ALREADY_IN_GROUP: '你已经在这个团里了',
  GROUPBUY_LIMIT_REACHED: '已达到本活动每人限购数量',
  GROUPBUY_QUANTITY_OVER_LIMIT: '超出本活动每人限购数量',
  GROUPBUY_ONE_LINE: '拼团订单只能包含活动商品一件规格',
  GROUPBUY_WINDOW_INVALID: '活动结束时间必须晚于开始时间',
  GROUPBUY_PRICE_INVALID: '拼团价必须低于商品原价',
  GROUPBUY_STOCK_BELOW_COMMITTED: '活动库存不能低于已售出和待支付的数量',
  GROUPBUY_CAMPAIGN_STATE: '活动当前状态不允许这样修改',
  GROUPBUY_SKU_STOCK_SHORT: '商品库存不足，无法分配给活动',
  GROUPBUY_POSTER_FAILED: '海报生成失败，请稍后再试',
  // --- coupons & new-member gift ---
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
  // --- points mall ---
  MALL_ITEM_NOT_FOUND: '兑换商品不存在或已下架',
  MALL_ITEM_SOLD_OUT: '该商品已兑完',
  MALL_LIMIT_REACHED: '已达到兑换上限',
  MALL_ITEM_KIND_MISMATCH: '该商品不支持此兑换方式',
  MALL_LINES_MISMATCH: '积分兑换每次只能兑换一件该商品',
  // --- membership & points ---
  POINTS_INSUFFICIENT: '积分不足',
  POINTS_AMOUNT_INVALID: '积分数量须为正整数',
  POINTS_OVER_CAP: '超出本单可用积分上限',
  POINTS_ALREADY_SIGNED_IN: '今天已经签到过了',
  BIRTHDAY_ALREADY_SET: '生日设置后不可修改，如需更正请联系客服',
  BIRTHDAY_INVALID: '生日日期不正确',
  MEMBER_NOT_FOUND: '会员不存在',
  MEMBERSHIP_SETTINGS_INVALID: '会员规则设置有误',
  // --- guides (stores, guides, attribution, commission, WeCom) ---
  STORE_NOT_FOUND: '门店不存在',
  STORE_CODE_TAKEN: '门店编码已存在',
  GUIDE_NOT_FOUND: '导购不存在或已离职',
  GUIDE_WECOM_USER_TAKEN: '该企业微信账号已绑定其他导购',
  GUIDE_ALREADY_LEFT: '该导购已离职',
  GUIDE_CODE_INVALID: '绑定码无效或已过期，请向总部重新获取',
  GUIDE_ACCOUNT_TAKEN: '当前微信账号已绑定其他导购',
  NOT_A_GUIDE: '仅导购可使用此功能',
  WECOM_CALLBACK_REJECTED: '企业微信回调校验失败',
  ATTRIBUTION_RULES_CHANGED: '归属规则刚被他人修改，请刷新后重试',
  GUIDE_POSTER_TOO_LONG: '该商品编号过长，无法放入海报小程序码，请改用分享卡片',
  GUIDE_POSTER_PAGE_MISSING: '海报对应的小程序页面尚未发布，请联系总部',
  GUIDE_POSTER_QUOTA: '今日海报生成次数已达上限，请改用分享卡片',
  GUIDE_POSTER_FAILED: '海报生成失败，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

/** The copy for a code; unknown codes (a newer server, a proxy page) fall back to the generic line. */
export function errorMessage(code: string): string {
  return isErrorCode(code) ? ERROR_MESSAGES[code] : ERROR_MESSAGES.INTERNAL;
}

/** The body of every failed API response. */
export interface ApiFailure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** For VALIDATION_FAILED: the first offending field, dotted (e.g. `skus.0.priceFen`). */
  field?: string;
  issues?: { field: string; message: string }[];
  requestId?: string;
}

export interface ApiSuccess<T> {
  ok: true;
  data: T;
}

export type ApiResponse<T> = ApiSuccess<T> | ApiFailure;
