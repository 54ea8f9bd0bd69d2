/** Error copy of HQ accounts, login lockout and the audit log. Merged into ERROR_MESSAGES (common/errors.ts). */
export const HQ_ERRORS = {
  HQ_LOGIN_LOCKED: '登录失败次数过多，账号已临时锁定，请 15 分钟后再试',
  HQ_LOGIN_RATE_LIMITED: '登录尝试太频繁，请稍后再试',
  HQ_ACCOUNT_NOT_FOUND: '账号不存在',
  HQ_USERNAME_TAKEN: '用户名已被使用',
  HQ_ACCOUNT_SELF: '不能停用自己的账号或修改自己的角色',
  HQ_STORE_REQUIRED: '门店店长必须绑定门店',
  HQ_STORE_NOT_FOUND: '门店不存在',
} as const;
