/**
 * Opening the sidebar: the guide session (WeCom's web-login code → POST /api/sidebar/login, or the
 * kept session on a reload), ww.register with the API's signatures, then which chat the toolbar
 * was opened in (getContext → getCurExternalContact / getCurExternalChat).
 */
import type { SidebarGuide, SidebarOauthConfig } from '@common/sidebar/types';
import { isApiError } from '../../../services/http';
import { fetchJssdkConfig, fetchOauthConfig, loginWithCode, readGuideSession, type JssdkConfig } from '../../../services/sidebar';
import { wecomBridge } from '../../../services/wecom-bridge';
import { WecomClientError } from '../../../services/wecom-errors';

export type Chat = { kind: 'single'; externalUserId: string } | { kind: 'group'; chatId: string };

export type Boot =
  | { kind: 'ready'; guide: SidebarGuide; chat: Chat }
  /** Sent to WeCom's web login; the page comes back with a code. */
  | { kind: 'leaving' }
  /** A WeCom member who is not an active guide, or not a member of this corp. */
  | { kind: 'refused'; message: string }
  /** The login code expired or was used, or there is none: reopen from the toolbar. */
  | { kind: 'reopen'; message: string }
  /** Opened in WeCom, but not from a chat's toolbar (workbench, contact profile …). */
  | { kind: 'no_chat' };

export type Step = '正在登录…' | '正在连接企业微信…' | '正在读取当前聊天…';

let oauth: Promise<SidebarOauthConfig> | null = null;
function oauthConfig(): Promise<SidebarOauthConfig> {
  oauth ??= fetchOauthConfig().catch((e) => {
    oauth = null;
    throw e;
  });
  return oauth;
}

async function guideSession(): Promise<Boot | SidebarGuide> {
  const code = wecomBridge.takeLoginCode();
  if (code) {
    try {
      return (await loginWithCode(code)).guide;
    } catch (e) {
      if (!isApiError(e)) throw e;
      if (e.code === 'SIDEBAR_NOT_A_GUIDE' || e.code === 'SIDEBAR_NOT_CORP_MEMBER') return { kind: 'refused', message: e.message };
      if (e.code === 'WECOM_CODE_INVALID') return { kind: 'reopen', message: e.message };
      throw e;
    }
  }
  const kept = readGuideSession();
  if (kept) return kept.guide;
  // No code and no session: start WeCom's web login, once (the development server has no real
  // WeCom to send the guide to: the address must carry a code minted by its fake).
  const config = await oauthConfig();
  if (!config.devLogin && !wecomBridge.cameBackFromLogin()) {
    wecomBridge.goLogin(config);
    return { kind: 'leaving' };
  }
  return { kind: 'reopen', message: '登录已失效，请关闭侧边栏后从聊天工具栏重新打开' };
}

/** ww.register: both signatures of a page URL come from one API call (the SDK asks for each). */
async function register(): Promise<void> {
  const { corpId, agentId } = await oauthConfig();
  const signed = new Map<string, Promise<JssdkConfig>>();
  const configFor = (url: string) => {
    const key = url.split('#')[0];
    if (!signed.has(key)) signed.set(key, fetchJssdkConfig(url));
    return signed.get(key)!;
  };
  await wecomBridge.register({
    corpId,
    agentId,
    sign: async (kind, url) => {
      const c = await configFor(url);
      return { timestamp: c.timestamp, nonceStr: c.nonceStr, signature: kind === 'agent' ? c.agentSignature : c.signature };
    },
  });
}

export async function bootSidebar(progress: (step: Step) => void): Promise<Boot> {
  // Outside WeCom there is no chat to work with: say so before spending the login code.
  if (!wecomBridge.inWecom()) throw new WecomClientError('not_in_wecom');
  progress('正在登录…');
  const guide = await guideSession();
  if ('kind' in guide) return guide;
  progress('正在连接企业微信…');
  await register();
  progress('正在读取当前聊天…');
  const entry = await wecomBridge.context();
  if (entry === 'single_chat_tools') return { kind: 'ready', guide, chat: { kind: 'single', externalUserId: await wecomBridge.currentContact() } };
  if (entry === 'group_chat_tools') return { kind: 'ready', guide, chat: { kind: 'group', chatId: await wecomBridge.currentChat() } };
  return { kind: 'no_chat' };
}
