/**
 * The WeCom client through WeCom's own JS-SDK (@wecom/jssdk), for the sidebar page in the chat
 * toolbar. The SDK talks to the client through the `WeixinJSBridge` the client injects into the
 * page; the browser journey injects a fake one in its place, so this file runs unchanged there.
 */
import { ensureAgentConfigReady, getContext, getCurExternalChat, getCurExternalContact, register, sendChatMessage } from '@wecom/jssdk';
import { isApiError } from './http';
import { MIN_WECOM_VERSION, toWecomError, versionBelow, WecomClientError, wecomVersionOf } from './wecom-errors';
import type { WecomBridge, WecomEntry } from './wecom-bridge';
import { takeCode, webLoginUrl } from './wecom-web-login';

/** Every JS-API the sidebar calls: the agent signature covers exactly these. */
const JS_API_LIST = ['getContext', 'getCurExternalContact', 'getCurExternalChat', 'sendChatMessage'];
/** A client that never answers (a page opened in another app that claims to be WeCom) must not hang the page. */
const ANSWER_TIMEOUT_MS = 10_000;

async function call<T>(work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WecomClientError('no_answer')), ANSWER_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work(), silent]);
  } catch (e) {
    // The API's own failure (signing the URL) keeps its code and copy.
    if (isApiError(e)) throw e;
    throw toWecomError(e);
  } finally {
    clearTimeout(timer);
  }
}

function clientVersion(): string | null {
  return wecomVersionOf(typeof navigator === 'undefined' ? '' : navigator.userAgent);
}

export const wecomBridge: WecomBridge = {
  inWecom: () => clientVersion() !== null,

  takeLoginCode() {
    const { code, search, hash } = takeCode(window.location.search, window.location.hash);
    // Single use, and the JS-SDK signs the address: it leaves the address at once.
    if (code !== null) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${hash}`);
    return code;
  },

  cameBackFromLogin: () => takeCode(window.location.search, window.location.hash).cameBack,

  goLogin(oauth) {
    window.location.replace(webLoginUrl(oauth, window.location.href));
  },

  async register(reg) {
    const version = clientVersion();
    if (version === null) throw new WecomClientError('not_in_wecom');
    if (versionBelow(version, MIN_WECOM_VERSION)) throw new WecomClientError('old_client', `wxwork/${version}`);
    await call(async () => {
      // The SDK signs the page URL without its fragment (Taro's hash route can change freely).
      register({
        corpId: reg.corpId,
        agentId: reg.agentId,
        jsApiList: JS_API_LIST,
        getConfigSignature: (url) => reg.sign('corp', url),
        getAgentConfigSignature: (url) => reg.sign('agent', url),
      });
      await ensureAgentConfigReady();
    });
  },

  async context() {
    const res = await call(() => getContext());
    const entry = String(res.entry);
    return entry === 'single_chat_tools' || entry === 'group_chat_tools' ? (entry as WecomEntry) : 'other';
  },

  currentContact: async () => (await call(() => getCurExternalContact())).userId,

  currentChat: async () => (await call(() => getCurExternalChat())).chatId,

  async sendMiniprogram(card) {
    await call(() => sendChatMessage({ msgtype: 'miniprogram', miniprogram: { appid: card.appid, title: card.title, imgUrl: card.imgUrl, page: card.page } }));
  },
};
