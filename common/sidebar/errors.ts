/** Error copy of the guide's WeCom sidebar. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const SIDEBAR_ERRORS = {
  WECOM_CODE_INVALID: '企业微信登录凭证已失效，请关闭侧边栏后重新打开',
  SIDEBAR_NOT_CORP_MEMBER: '请使用本企业的企业微信账号打开侧边栏',
  SIDEBAR_NOT_A_GUIDE: '你还不是在职导购，无法使用侧边栏，请联系总部开通',
  SIDEBAR_CONTACT_UNKNOWN: '暂未识别该客户，先发送新人礼卡片邀请 TA 注册吧',
  SIDEBAR_GROUP_NOT_FOUND: '未找到该客户群，请确认你是群主或群成员，或稍后再试',
  SIDEBAR_TARGET_NOT_FOUND: '该内容已下架或已结束，请刷新后重新选择',
  SIDEBAR_SEND_SETTLED: '这次发送已记录结果',
  SIDEBAR_SYNC_BUSY: '客户群正在同步中，请稍后刷新',
} as const;
