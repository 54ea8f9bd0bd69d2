/** Error copy of membership and points. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const MEMBERSHIP_ERRORS = {
  POINTS_INSUFFICIENT: '积分不足',
  POINTS_AMOUNT_INVALID: '积分数量须为正整数',
  POINTS_OVER_CAP: '超出本单可用积分上限',
  POINTS_ALREADY_SIGNED_IN: '今天已经签到过了',
  BIRTHDAY_ALREADY_SET: '生日设置后不可修改，如需更正请联系客服',
  BIRTHDAY_INVALID: '生日日期不正确',
  MEMBER_NOT_FOUND: '会员不存在',
  MEMBERSHIP_SETTINGS_INVALID: '会员规则设置有误',
} as const;
