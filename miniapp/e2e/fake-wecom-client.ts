/**
 * A fake of the WeCom client around the sidebar page, at the place the real one sits: the
 * `WeixinJSBridge` object the client injects into every page it opens, through which WeCom's
 * JS-SDK (@wecom/jssdk) calls it. The page runs unchanged, real SDK included; the browser's user
 * agent says `wxwork/…` as the client's does.
 *
 * Every invoke is recorded (name, params, the page address without its fragment). Answers follow
 * the client: `<api>:ok` with the documented fields; the agent APIs (getCurExternalContact,
 * getCurExternalChat, sendChatMessage) answer `no permission` until agentConfig succeeded for
 * this page address, and `without context of external contact` outside a chat toolbar of the
 * right kind; an API the client does not have answers `function not exist`.
 */
import type { BrowserContext } from 'playwright-core';

export const WECOM_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.30 MicroMessenger/7.0.1 Language/zh ColorScheme/Light';

export type ChatContext = { entry: 'single_chat_tools'; externalUserId: string } | { entry: 'group_chat_tools'; chatId: string } | { entry: 'normal' };

export interface ClientCall {
  name: string;
  params: Record<string, any>;
  /** The page address when it was called, without the fragment (what a JS-SDK signature covers). */
  page: string;
}

/** Runs in the page before its own scripts: the bridge object, answering through the binding. */
const BRIDGE_SCRIPT = `(() => {
  const invoke = (name, params, callback) => {
    window.__fakeWecomInvoke(name, JSON.parse(JSON.stringify(params || {})), location.href).then((res) => callback && callback(res));
  };
  window.WeixinJSBridge = { invoke, on() {}, call() {} };
})();`;

const AGENT_APIS = new Set(['getCurExternalContact', 'getCurExternalChat', 'sendChatMessage']);

export class FakeWecomClient {
  readonly calls: ClientCall[] = [];
  /** The chat whose toolbar the sidebar is opened from. */
  chat: ChatContext = { entry: 'normal' };
  /** The next sendChatMessage fails with this keyword (e.g. 'fail no permission'), once. */
  failNextSend: string | null = null;
  private configuredPage: string | null = null;

  constructor(private readonly expected: { corpId: string; agentId: string }) {}

  async install(context: BrowserContext): Promise<void> {
    await context.exposeBinding('__fakeWecomInvoke', (_source, name: string, params: Record<string, any>, href: string) => this.answer(name, params, href));
    await context.addInitScript(BRIDGE_SCRIPT);
  }

  /** The calls of one API, oldest first. */
  callsOf(name: string): ClientCall[] {
    return this.calls.filter((c) => c.name === name);
  }

  private answer(name: string, params: Record<string, any>, href: string): Record<string, unknown> {
    const page = href.split('#')[0];
    this.calls.push({ name, params, page });
    const ok = (fields: Record<string, unknown> = {}) => ({ err_msg: `${name}:ok`, ...fields });
    const fail = (keyword: string) => ({ err_msg: `${name}:${keyword}` });

    if (name === 'agentConfig') {
      const good =
        params.corpid === this.expected.corpId &&
        params.agentid === this.expected.agentId &&
        /^\d{10}$/.test(String(params.timestamp)) &&
        typeof params.nonceStr === 'string' &&
        params.nonceStr.length > 0 &&
        /^[0-9a-f]{40}$/.test(String(params.signature));
      if (!good) return fail('fail invalid signature');
      this.configuredPage = page;
      return ok({ checkResult: Object.fromEntries(((params.jsApiList as string[]) ?? []).map((api) => [api, true])) });
    }
    if (name === 'preVerifyJSAPI') return ok();
    if (name === 'getContext') return ok({ entry: this.chat.entry });
    if (!AGENT_APIS.has(name)) return fail('function not exist');
    if (this.configuredPage !== page) return fail('fail no permission');
    const chat = this.chat;
    if (name === 'getCurExternalContact') return chat.entry === 'single_chat_tools' ? ok({ userId: chat.externalUserId }) : fail('fail without context of external contact');
    if (name === 'getCurExternalChat') return chat.entry === 'group_chat_tools' ? ok({ chatId: chat.chatId }) : fail('fail without context of external contact');
    // sendChatMessage
    if (chat.entry === 'normal') return fail('fail without context of external contact');
    if (this.failNextSend) {
      const keyword = this.failNextSend;
      this.failNextSend = null;
      return fail(keyword);
    }
    const mp = params.miniprogram ?? {};
    if (!/^https?:\/\//.test(String(mp.imgUrl))) return fail('fail invalid imgUrl');
    if (params.msgtype !== 'miniprogram' || !mp.appid || !mp.title || !/\.html(\?|$)/.test(String(mp.page))) return fail('fail invalid params');
    return ok();
  }
}
