/** Error copy of shopper login (WeChat) and HQ accounts. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const AUTH_ERRORS = {
  HQ_LOGIN_FAILED: '账号或密码错误',
  WECHAT_CODE_INVALID: '登录凭证已失效，请重新进入小程序',
  WECHAT_RATE_LIMITED: '登录太频繁，请稍后再试',
  WECHAT_RISKY_USER: '当前微信账号存在风险，暂时无法登录',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
} as const;
