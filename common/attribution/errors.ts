/** Error copy of guides: stores, guides, attribution, commission, WeCom, posters. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const GUIDE_ERRORS = {
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
