/**
 * A fake of the WeCom server API on loopback, speaking the real protocol: gettoken (40013 bad
 * corpid, 40001 bad secret), access_token checks (40014 invalid, 42001 expired), add_contact_way
 * (40003 unknown userid, 40058 bad scene/type), externalcontact/get (84061 no relation),
 * send_welcome_msg (41051-style refusal of an unknown or used welcome_code, 20 s validity); web
 * login, the JS-SDK tickets and customer groups are fake-wecom-sidebar.ts's.
 * It also plays WeCom's side of the callback: `addCustomer` makes an external contact and posts
 * the encrypted, signed `add_external_contact` event to the configured callback URL.
 * With API_WORKERS > 1 the cluster primary runs the one fake every worker talks to (as WeChat's
 * own is shared): control paths, not WeCom's protocol, let a worker set the callback URL (the
 * port the workers share), let a developer or a test make a customer add a guide, and mint the
 * sidebar's web-login codes.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { readJson } from '../wechat/fake-wechat';
import { type CallbackKeys, sealCallback, toXml } from './callback-crypto';
import { LoopbackServer } from '../http/loopback-server';
import { FakeWeComSidebar } from './fake-wecom-sidebar';

const WELCOME_CODE_TTL_MS = 20_000;
const CALLBACK_URL_PATH = '/__loopmall/callback-url';
const ADD_CUSTOMER_PATH = '/__loopmall/add-customer';
const MINT_LOGIN_PATH = '/__loopmall/mint-login-code';

/** Who a web-login code stands for: a corp member, or someone outside the corp. */
export type WebLoginSubject = { userid: string } | { openid: string };

/** The fake as a cluster worker sees it: a WeCom at `baseUrl` (the primary's), told where our callback listens. */
export interface RemoteFakeWeCom {
  readonly baseUrl: string;
  setCallbackUrl(url: string): Promise<void>;
  /** A web-login code, as WeCom's OAuth redirect would give (the sidebar's development login). */
  mintLoginCode(who: WebLoginSubject): Promise<string>;
}

export function remoteFakeWeCom(baseUrl: string): RemoteFakeWeCom {
  return {
    baseUrl,
    async setCallbackUrl(url) {
      const res = await fetch(`${baseUrl}${CALLBACK_URL_PATH}`, { method: 'POST', body: JSON.stringify({ url }) });
      const body = (await res.json()) as { errcode?: number; errmsg?: string };
      if (body.errcode !== 0) throw new Error(`fake WeCom refused the callback URL: ${body.errmsg}`);
    },
    async mintLoginCode(who) {
      const res = await fetch(`${baseUrl}${MINT_LOGIN_PATH}`, { method: 'POST', body: JSON.stringify(who) });
      const body = (await res.json()) as { errcode?: number; errmsg?: string; code?: string };
      if (body.errcode !== 0 || !body.code) throw new Error(`fake WeCom refused to mint a login code: ${body.errmsg}`);
      return body.code;
    },
  };
}
/** The picture behind every fake 「联系我」 QR URL (a small checkerboard PNG), served by the fake itself. */
const QR_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAJMAAACTCAAAAACvjnTJAAAAkklEQVR42u3WsQkAQAgEweu/aT8QW3gUxsxsouWSvupb8YWJiem/aRNmPiYmJknQcSYmEdBxJiZJ0HEmJhHQcSYmSdBxJiYR0HEmJknQcSYmEdBxJia7QMeZmOwCHWdisgt0nInJLtBxJia7QMeZmOwCHWdisgt0nInJLtBxJia7QMeZmOwCHWdisgt0nInptOkBQEf0TBkrOykAAAAASUVORK5CYII=', 'base64');

export interface FakeWeComOptions extends CallbackKeys {
  secret: string;
  /** The sidebar agent's secret: its token is the one web login and the JS-SDK tickets accept. */
  agentSecret?: string;
  now?: () => number;
}

interface Customer {
  externalUserId: string;
  name: string;
  unionid: string | null;
  followers: Set<string>;
}

export class FakeWeCom {
  private readonly server = new LoopbackServer((req, res) => this.handle(req, res));
  private tokenSeq = 0;
  /** Real tokens are opaque: one fake's token means nothing to another fake (as one corp's to another). */
  private readonly tokenSalt = randomBytes(6).toString('hex');
  private readonly now: () => number;
  private readonly customers = new Map<string, Customer>();
  private readonly welcomeCodes = new Map<string, { expiresAt: number; used: boolean }>();
  readonly contactWays: { configId: string; scene: number; user: string[]; state: string; qrCode: string | null }[] = [];
  readonly welcomeMessages: Record<string, any>[] = [];
  readonly requests: { method: string; path: string }[] = [];
  /** WeCom userids that exist in the corp; when set, add_contact_way refuses others (40003). */
  knownUsers: Set<string> | null = null;
  baseUrl = '';
  /** Where WeCom posts callbacks (set when the API knows its own URL). */
  callbackUrl = '';
  /** Web login, JS-SDK tickets and customer groups (the guide's sidebar). */
  readonly sidebar: FakeWeComSidebar;

  constructor(private readonly opts: FakeWeComOptions) {
    this.now = opts.now ?? Date.now;
    this.sidebar = new FakeWeComSidebar(this.now);
  }

  get keys(): CallbackKeys {
    return { token: this.opts.token, encodingAesKey: this.opts.encodingAesKey, corpId: this.opts.corpId };
  }

  async start(): Promise<string> {
    this.baseUrl = await this.server.start();
    return this.baseUrl;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Expire the current access token (the next call gets 42001). */
  expireToken(): void {
    this.tokenSeq++;
  }

  /**
   * A WeChat user adds guide `userId` through a contact way with `state`: WeCom creates the
   * external contact and a welcome code, and posts the callback. Answers the event's XML and
   * the HTTP answer of the callback URL.
   */
  async addCustomer(input: { userId: string; state: string; unionid: string | null; name?: string }): Promise<{ externalUserId: string; welcomeCode: string; status: number; text: string; xml: string }> {
    const { externalUserId, welcomeCode } = this.newCustomer(input);
    const xml = this.eventXml({ ChangeType: 'add_external_contact', UserID: input.userId, ExternalUserID: externalUserId, State: input.state, WelcomeCode: welcomeCode });
    const res = await this.post(xml);
    return { externalUserId, welcomeCode, xml, ...res };
  }

  /** WeCom's side of an add without the callback: the contact exists and a welcome code is issued. */
  newCustomer(input: { userId: string; unionid: string | null; name?: string }): { externalUserId: string; welcomeCode: string } {
    const externalUserId = `wm${randomBytes(12).toString('hex')}`;
    this.customers.set(externalUserId, { externalUserId, name: input.name ?? '微信用户', unionid: input.unionid, followers: new Set([input.userId]) });
    const welcomeCode = randomBytes(16).toString('hex');
    this.welcomeCodes.set(welcomeCode, { expiresAt: this.now() + WELCOME_CODE_TTL_MS, used: false });
    return { externalUserId, welcomeCode };
  }

  /** The customer deleted guide `userId`. */
  async deleteFollow(userId: string, externalUserId: string): Promise<{ status: number; text: string }> {
    this.customers.get(externalUserId)?.followers.delete(userId);
    return this.post(this.eventXml({ ChangeType: 'del_follow_user', UserID: userId, ExternalUserID: externalUserId }));
  }

  eventXml(fields: Record<string, string>): string {
    return toXml({ ToUserName: this.opts.corpId, FromUserName: 'sys', CreateTime: Math.floor(this.now() / 1000), MsgType: 'event', Event: 'change_external_contact', ...fields });
  }

  /** Posts an already-built event XML (tests replay one with it). */
  async post(xml: string, timestamp = Math.floor(this.now() / 1000), nonce = randomBytes(6).toString('hex')): Promise<{ status: number; text: string }> {
    const sealed = sealCallback(this.keys, xml, timestamp, nonce);
    const res = await fetch(`${this.callbackUrl}?${new URLSearchParams(sealed.query)}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: sealed.body });
    return { status: res.status, text: await res.text() };
  }

  private currentToken(): string {
    return `wecom-token-${this.tokenSeq}-${this.tokenSalt}`;
  }

  private currentAgentToken(): string {
    return `wecom-agent-token-${this.tokenSeq}-${this.tokenSalt}`;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({ method: req.method ?? '', path: url.pathname });
    const send = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const fail = (errcode: number, errmsg: string) => send({ errcode, errmsg: `${errmsg}, hint: [${randomBytes(4).toString('hex')}]` });

    if (req.method === 'GET' && /^\/wwpic\/[0-9a-f]{32}\.png$/.test(url.pathname)) {
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      return void res.end(QR_PNG);
    }
    if (req.method === 'GET' && url.pathname === '/cgi-bin/gettoken') {
      if (url.searchParams.get('corpid') !== this.opts.corpId) return fail(40013, 'invalid corpid');
      const secret = url.searchParams.get('corpsecret');
      const agent = !!this.opts.agentSecret && secret === this.opts.agentSecret;
      if (secret !== this.opts.secret && !agent) return fail(40001, 'invalid credential');
      if (this.tokenSeq === 0) this.tokenSeq = 1;
      return send({ errcode: 0, errmsg: 'ok', access_token: agent ? this.currentAgentToken() : this.currentToken(), expires_in: 7200 });
    }
    if (req.method === 'POST' && (url.pathname === CALLBACK_URL_PATH || url.pathname === ADD_CUSTOMER_PATH || url.pathname === MINT_LOGIN_PATH)) return this.control(url.pathname, await readJson(req), send, fail);
    const token = url.searchParams.get('access_token') ?? '';
    const isAgent = token === this.currentAgentToken();
    if (url.pathname.startsWith('/cgi-bin/') && token !== this.currentToken() && !isAgent) {
      return /^wecom-(agent-)?token-/.test(token) ? fail(42001, 'access_token expired') : fail(40014, 'invalid access_token');
    }
    if (await this.sidebar.handle(req, url, isAgent, send, fail)) return;
    if (req.method === 'POST' && url.pathname === '/cgi-bin/externalcontact/add_contact_way') {
      const b = await readJson(req);
      if (!b || b.type !== 1 || (b.scene !== 1 && b.scene !== 2)) return fail(40058, 'invalid type or scene');
      const users = b.user as unknown;
      if (!Array.isArray(users) || users.length !== 1 || (this.knownUsers && !this.knownUsers.has(String(users[0])))) return fail(40003, 'invalid userid');
      if (typeof b.state === 'string' && b.state.length > 30) return fail(40058, 'state exceed max length');
      const configId = randomBytes(16).toString('hex');
      const qrCode = b.scene === 2 ? `${this.baseUrl}/wwpic/${configId}.png` : null;
      this.contactWays.push({ configId, scene: b.scene as number, user: users.map(String), state: String(b.state ?? ''), qrCode });
      return send(qrCode ? { errcode: 0, errmsg: 'ok', config_id: configId, qr_code: qrCode } : { errcode: 0, errmsg: 'ok', config_id: configId });
    }
    if (req.method === 'GET' && url.pathname === '/cgi-bin/externalcontact/get') {
      const c = this.customers.get(url.searchParams.get('external_userid') ?? '');
      if (!c) return fail(84061, 'not external contact');
      const ec: Record<string, unknown> = { external_userid: c.externalUserId, name: c.name, type: 1 };
      if (c.unionid) ec.unionid = c.unionid;
      return send({ errcode: 0, errmsg: 'ok', external_contact: ec, follow_user: [...c.followers].map((userid) => ({ userid })) });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/externalcontact/send_welcome_msg') {
      const b = await readJson(req);
      const code = this.welcomeCodes.get(String(b?.welcome_code ?? ''));
      if (!code || code.used || code.expiresAt < this.now()) return fail(41051, 'invalid welcome_code');
      const att = (b!.attachments as any[] | undefined)?.[0];
      if (att && (att.msgtype !== 'miniprogram' || !att.miniprogram?.appid || !att.miniprogram?.page || !att.miniprogram?.pic_media_id || !att.miniprogram?.title)) return fail(41052, 'invalid miniprogram attachment');
      code.used = true;
      this.welcomeMessages.push(b!);
      return send({ errcode: 0, errmsg: 'ok' });
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errcode: 60011, errmsg: 'invalid url' }));
  }

  /** The control paths through which the workers of a cluster share this fake. */
  private async control(path: string, b: Record<string, unknown> | null, send: (body: object) => void, fail: (errcode: number, errmsg: string) => void): Promise<void> {
    if (path === CALLBACK_URL_PATH) {
      if (typeof b?.url !== 'string' || !/^https?:\/\//.test(b.url)) return fail(40001, 'invalid callback url');
      this.callbackUrl = b.url;
      return send({ errcode: 0, errmsg: 'ok' });
    }
    if (path === MINT_LOGIN_PATH) {
      if (typeof b?.userid === 'string' && b.userid) return send({ errcode: 0, errmsg: 'ok', code: this.sidebar.mintLoginCode({ userid: b.userid }) });
      if (typeof b?.openid === 'string' && b.openid) return send({ errcode: 0, errmsg: 'ok', code: this.sidebar.mintLoginCode({ openid: b.openid }) });
      return fail(40003, 'invalid userid');
    }
    if (typeof b?.userId !== 'string' || !b.userId || typeof b.state !== 'string') return fail(40003, 'invalid userid or state');
    if (!this.callbackUrl) return fail(40001, 'no callback url yet');
    const unionid = typeof b.unionid === 'string' ? b.unionid : null;
    const added = await this.addCustomer({ userId: b.userId, state: b.state, unionid, name: typeof b.name === 'string' ? b.name : undefined });
    return send({ errcode: 0, errmsg: 'ok', externalUserId: added.externalUserId, status: added.status, text: added.text });
  }
}
