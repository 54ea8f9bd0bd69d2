/**
 * Failures of the WeCom client (JS-SDK) in the sidebar, each with the Chinese copy of what
 * happened and what to do next. The client answers `<api>:<keyword>` in errMsg, e.g.
 * `sendChatMessage:fail no permission`; the SDK throws that result object.
 */

export type WecomFailure = 'not_in_wecom' | 'old_client' | 'no_permission' | 'no_context' | 'cancelled' | 'no_answer' | 'other';

/** The oldest client with every API the sidebar uses (sendChatMessage's `miniprogram` came in 3.1.0). */
export const MIN_WECOM_VERSION = '3.1.0';

export const WECOM_FAILURE_COPY: Record<WecomFailure, string> = {
  not_in_wecom: '请在企业微信中打开：在与客户的单聊或客户群里，点聊天工具栏中的「导购助手」。',
  old_client: '当前企业微信版本过低，不支持此功能。请升级到最新版企业微信后，从聊天工具栏重新打开。',
  no_permission: '企业微信未授权本应用（no permission）。请联系管理员：为应用开启「客户联系」权限、把您设为可使用客户联系功能的成员，并确认可信域名已配置。',
  no_context: '没有获取到当前聊天（without context of external contact）。请在与客户的单聊或客户群里，从聊天工具栏重新打开。',
  cancelled: '已取消发送',
  no_answer: '企业微信客户端没有响应。请关闭侧边栏，从聊天工具栏重新打开。',
  other: '企业微信调用失败，请稍后重试。',
};

export class WecomClientError extends Error {
  constructor(
    readonly failure: WecomFailure,
    /** The client's own errMsg, kept for the log and shown small under the copy. */
    readonly errMsg = '',
  ) {
    super(WECOM_FAILURE_COPY[failure]);
    this.name = 'WecomClientError';
  }
}

export function isWecomClientError(e: unknown): e is WecomClientError {
  return e instanceof WecomClientError;
}

/** Which failure an errMsg of the client means (the keyword after the colon decides). */
export function classifyErrMsg(errMsg: string): WecomFailure {
  const keyword = errMsg.slice(errMsg.indexOf(':') + 1).toLowerCase();
  if (/cancel/.test(keyword)) return 'cancelled';
  if (/no permission|permission denied|access denied/.test(keyword)) return 'no_permission';
  if (/without context/.test(keyword)) return 'no_context';
  if (/not exist|not support|unsupported|version/.test(keyword)) return 'old_client';
  return 'other';
}

/** The WecomClientError for anything the SDK threw (a result object with errMsg, or an Error). */
export function toWecomError(e: unknown): WecomClientError {
  if (e instanceof WecomClientError) return e;
  const errMsg = typeof (e as { errMsg?: unknown })?.errMsg === 'string' ? (e as { errMsg: string }).errMsg : e instanceof Error ? e.message : String(e);
  return new WecomClientError(classifyErrMsg(errMsg), errMsg);
}

/** `wxwork/4.1.30` in the user agent → '4.1.30'; null outside WeCom. */
export function wecomVersionOf(userAgent: string): string | null {
  return /wxwork\/([\d.]+)/i.exec(userAgent)?.[1] ?? null;
}

/** a < b for dotted versions ('3.0.36' < '3.1.0'). */
export function versionBelow(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d < 0;
  }
  return false;
}
