/** Error copy of the member card (开卡, phone number, 会员码). Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const MEMBER_CARD_ERRORS = {
  PHONE_CODE_INVALID: '手机号授权已失效，请重新授权',
  PHONE_RATE_LIMITED: '手机号验证太频繁，请稍后再试',
  PHONE_NOT_SUPPORTED: '暂不支持该手机号，请使用中国大陆手机号',
  MEMBER_CARD_NOT_OPENED: '请先开通会员卡',
  MEMBER_PHONE_NOT_FOUND: '该会员未登记手机号',
} as const;
