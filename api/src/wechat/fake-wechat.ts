/**
 * A fake of the WeChat server API on loopback, speaking the real protocol: the same paths,
 * query and body fields, and errcode/errmsg answers (40029 invalid code, 45011 rate limit,
 * 40226 risky user, 40013 bad appid, 40125 bad secret; upload_shipping_info: 47001 data format
 * error for an express_company that is not a delivery id, or SF without a masked
 * contact.receiver_contact; getwxacodeunlimit: 40169 scene too long, 41030 page not in the app,
 * 45009 daily quota; getuserphonenumber: 40029 invalid code, 45011 rate (fake-wechat-phone.ts);
 * subscribe/send: 43101 refused, 40037, 40003, 47003 (fake-wechat-subscribe.ts)). Development
 * (`npm start`, the H5 dev login) and the tests use it; production configuration refuses it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { fakeCodePng } from './fake-png';
import { FakePhoneNumbers } from './fake-wechat-phone';
import { FakeSubscribeMessages, type SubscribeSend } from './fake-wechat-subscribe';
import { LoopbackServer } from '../http/loopback-server';

const CODE_TTL_MS = 5 * 60_000;
const DEV_MINT_PATH = '/__loopmall/mint-code';
const DEV_MINT_PHONE_PATH = '/__loopmall/mint-phone-code';

/** What the API needs of a fake WeChat: where it listens, and the code wx.login would give. */
export interface FakeWeChatHandle {
  readonly baseUrl: string;
  mintCode(openid: string): string | Promise<string>;
  /** The code a getPhoneNumber button would give when the user allows this number. */
  mintPhoneCode(purePhoneNumber: string): string | Promise<string>;
}

/**
 * The fake as a cluster worker sees it: the primary process runs the one FakeWeChat, so a code
 * minted through one worker is known when the login lands on another.
 */
export function remoteFakeWeChat(baseUrl: string): FakeWeChatHandle {
  return {
    baseUrl,
    async mintCode(openid) {
      const res = await fetch(`${baseUrl}${DEV_MINT_PATH}`, { method: 'POST', body: JSON.stringify({ openid }) });
      const body = (await res.json()) as { code?: string; errmsg?: string };
      if (!body.code) throw new Error(`fake WeChat refused to mint a code: ${body.errmsg}`);
      return body.code;
    },
    async mintPhoneCode(purePhoneNumber) {
      const res = await fetch(`${baseUrl}${DEV_MINT_PHONE_PATH}`, { method: 'POST', body: JSON.stringify({ purePhoneNumber }) });
      const body = (await res.json()) as { code?: string; errmsg?: string };
      if (!body.code) throw new Error(`fake WeChat refused to mint a phone code: ${body.errmsg}`);
      return body.code;
    },
  };
}

interface IssuedCode {
  openid: string;
  unionid: string | null;
  expiresAt: number;
}

export interface FakeWeChatOptions {
  appid: string;
  secret: string;
  /** Bind a unionid to every openid (the mini-program is bound to an open-platform account). */
  withUnionId?: boolean;
  /** jscode2session calls allowed per openid per minute before 45011. */
  perUserPerMinute?: number;
  now?: () => number;
  /** Pages of the released mini-program (getwxacodeunlimit with check_path refuses others with 41030). */
  pages?: string[];
  /** getwxacodeunlimit calls allowed before 45009 (the daily quota). */
  codeQuota?: number;
}

/** The pages a poster may open; other features add theirs. */
const DEFAULT_PAGES = ['pages/index/index', 'pages/product/index', 'packages/groupbuy/group/index', 'packages/groupbuy/campaign/index'];

export class FakeWeChat implements FakeWeChatHandle {
  private readonly codes = new Map<string, IssuedCode>();
  private readonly calls = new Map<string, number[]>();
  private readonly forced: number[] = [];
  private readonly server = new LoopbackServer((req, res) => this.handle(req, res));
  private tokenSeq = 0;
  private readonly now: () => number;
  /** Every request the fake saw, for tests that assert what the client sent. */
  readonly requests: { method: string; path: string }[] = [];
  /** Accepted upload_shipping_info bodies, in order. */
  readonly shippingUploads: Record<string, unknown>[] = [];
  /** Scenes of the mini-program codes made, in order. */
  readonly codesMade: { scene: string; page: string }[] = [];
  /** subscribe/send (fake-wechat-subscribe.ts). */
  private readonly subscribe = new FakeSubscribeMessages();
  /** Subscribe messages delivered, in order. */
  readonly subscribeSends: SubscribeSend[] = this.subscribe.sends;
  /** openids that refused (or used up) their subscribe consent: sends to them get 43101. */
  readonly subscribeRefused: Set<string> = this.subscribe.refused;
  baseUrl = '';
  /** getuserphonenumber: phone codes, their exchanges and forced failures. */
  readonly phone: FakePhoneNumbers;

  constructor(private readonly opts: FakeWeChatOptions) {
    this.now = opts.now ?? Date.now;
    this.phone = new FakePhoneNumbers(opts.appid, this.now);
  }

  mintPhoneCode(purePhoneNumber: string): string {
    return this.phone.mint(purePhoneNumber);
  }

  async start(): Promise<string> {
    this.baseUrl = await this.server.start();
    return this.baseUrl;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** What wx.login would hand the mini-program for this WeChat user: a one-time, 5-minute code. */
  mintCode(openid: string): string {
    const code = randomBytes(16).toString('hex');
    const unionid = this.opts.withUnionId ? `o6_${createHash('sha256').update(openid).digest('base64url').slice(0, 25)}` : null;
    this.codes.set(code, { openid, unionid, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  private readonly forcedCodes: number[] = [];

  /** Make the next getwxacodeunlimit answer this errcode (41030 page not released, 45009 quota, -1 busy). */
  failNextCode(errcode: 41030 | 45009 | -1): void {
    this.forcedCodes.push(errcode);
  }

  /** Make the next jscode2session answer this errcode (e.g. 45011, 40226, -1). */
  failNext(errcode: number): void {
    this.forced.push(errcode);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    this.requests.push({ method: req.method ?? '', path: url.pathname });
    const send = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const rid = randomBytes(4).toString('hex');
    const fail = (errcode: number, errmsg: string) => send({ errcode, errmsg: `${errmsg}, rid: ${rid}` });

    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      const q = url.searchParams;
      if (q.get('appid') !== this.opts.appid) return fail(40013, 'invalid appid');
      if (q.get('secret') !== this.opts.secret) return fail(40125, 'invalid appsecret');
      if (q.get('grant_type') !== 'authorization_code') return fail(40002, 'invalid grant_type');
      const forced = this.forced.shift();
      if (forced === 45011) return fail(45011, 'api minute-quota reach limit  mustslower  retry next minute');
      if (forced === 40226) return fail(40226, 'high risk level user');
      if (forced !== undefined) return fail(forced, 'system error');
      const code = q.get('js_code') ?? '';
      const issued = this.codes.get(code);
      // Codes are single use: taking it out first means a replay always gets 40029.
      this.codes.delete(code);
      if (!issued || issued.expiresAt < this.now()) return fail(40029, 'invalid code');
      if (this.overQuota(issued.openid)) return fail(45011, 'api minute-quota reach limit  mustslower  retry next minute');
      const sessionKey = randomBytes(16).toString('base64');
      return send(issued.unionid ? { session_key: sessionKey, openid: issued.openid, unionid: issued.unionid } : { session_key: sessionKey, openid: issued.openid });
    }

    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      const body = await readJson(req);
      if (body?.grant_type !== 'client_credential') return fail(40002, 'invalid grant_type');
      if (body.appid !== this.opts.appid) return fail(40013, 'invalid appid');
      if (body.secret !== this.opts.secret) return fail(40125, 'invalid appsecret');
      if (body.force_refresh === true || this.tokenSeq === 0) this.tokenSeq++;
      return send({ access_token: this.currentToken(), expires_in: 7200 });
    }

    if (req.method === 'POST' && url.pathname === '/wxa/sec/order/upload_shipping_info') {
      const token = url.searchParams.get('access_token') ?? '';
      if (token !== this.currentToken()) return fail(this.tokenSeq && token.startsWith('fake-token-') ? 42001 : 40001, 'invalid credential, access_token is invalid or not latest');
      const body = await readJson(req);
      const problem = checkShipping(body);
      if (problem) return fail(problem[0], problem[1]);
      const txId = (body!.order_key as { transaction_id: string }).transaction_id;
      // Real WeChat allows one correction of an upload; a third one is refused.
      const before = this.shippingUploads.filter((u) => (u.order_key as { transaction_id: string }).transaction_id === txId).length;
      if (before >= 2) return fail(10060004, '订单已发货，不允许重复发货');
      this.shippingUploads.push(body!);
      return send({ errcode: 0, errmsg: 'ok' });
    }

    if (req.method === 'POST' && url.pathname === DEV_MINT_PATH) {
      // Not WeChat's protocol: the control path through which cluster workers share one fake.
      const body = await readJson(req);
      if (typeof body?.openid !== 'string' || !body.openid) return fail(40003, 'invalid openid');
      return send({ code: this.mintCode(body.openid) });
    }

    if (req.method === 'POST' && url.pathname === '/wxa/business/getuserphonenumber') {
      if (!this.tokenOk(url)) return fail(40001, 'invalid credential, access_token is invalid or not latest');
      return send(this.phone.exchange(await readJson(req), rid));
    }

    if (req.method === 'POST' && url.pathname === DEV_MINT_PHONE_PATH) {
      // Not WeChat's protocol: cluster workers share the primary's fake (the H5 phone flow).
      const body = await readJson(req);
      if (typeof body?.purePhoneNumber !== 'string' || !/^\d{5,15}$/.test(body.purePhoneNumber)) return fail(40003, 'invalid phone');
      return send({ code: this.mintPhoneCode(body.purePhoneNumber) });
    }

    if (req.method === 'POST' && url.pathname === '/wxa/getwxacodeunlimit') {
      if (!this.tokenOk(url)) return fail(40001, 'invalid credential, access_token is invalid or not latest');
      const body = await readJson(req);
      const scene = body?.scene;
      if (typeof scene !== 'string' || !scene || scene.length > 32 || !/^[\x21-\x7e]+$/.test(scene)) return fail(40169, 'invalid length for scene, or the data is not json string');
      const page = typeof body?.page === 'string' ? body.page : 'pages/index/index';
      if (page.startsWith('/') || (body?.check_path !== false && !(this.opts.pages ?? DEFAULT_PAGES).includes(page))) return fail(41030, 'invalid page');
      const forced = this.forcedCodes.shift();
      if (forced === 41030) return fail(41030, 'invalid page');
      if (forced === -1) return fail(-1, 'system error');
      if (forced === 45009 || this.codesMade.length >= (this.opts.codeQuota ?? Infinity)) return fail(45009, 'reach max api daily quota limit');
      this.codesMade.push({ scene, page });
      const width = typeof body?.width === 'number' ? Math.min(1280, Math.max(280, body.width)) : 430;
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(fakeCodePng(scene, width));
      return;
    }

    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      if (!this.tokenOk(url)) return fail(40001, 'invalid credential, access_token is invalid or not latest');
      const answer = this.subscribe.answer(await readJson(req));
      return answer.errcode ? fail(answer.errcode, answer.errmsg) : send(answer);
    }

    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errcode: 40066, errmsg: `invalid url, rid: ${rid}` }));
  }

  private tokenOk(url: URL): boolean {
    return url.searchParams.get('access_token') === this.currentToken();
  }

  private currentToken(): string {
    return `fake-token-${this.tokenSeq}-${createHash('sha256').update(this.opts.secret).digest('hex').slice(0, 16)}`;
  }

  private overQuota(openid: string): boolean {
    const limit = this.opts.perUserPerMinute ?? 100;
    const windowStart = this.now() - 60_000;
    const recent = (this.calls.get(openid) ?? []).filter((t) => t > windowStart);
    recent.push(this.now());
    this.calls.set(openid, recent);
    return recent.length > limit;
  }
}

export async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * Delivery company ids the fake knows (a subset of get_delivery_list: the carriers HQ ships with).
 * Kept here rather than imported from common/order/carriers so a wrong table there still fails.
 */
const DELIVERY_IDS = new Set(['SF', 'ZTO', 'YTO', 'STO', 'YD', 'JD', 'EMS', 'JTSD']);

/** The checks WeChat makes on upload_shipping_info: [errcode, errmsg] of the first problem, or null. */
function checkShipping(b: Record<string, any> | null): [number, string] | null {
  if (!b) return [47001, 'data format error'];
  const key = b.order_key;
  if (key?.order_number_type !== 2 || typeof key.transaction_id !== 'string' || !key.transaction_id) return [10060001, '支付单不存在'];
  // 1: 物流配送, 4: 用户自提 (no carrier; only the item description).
  if ((b.logistics_type !== 1 && b.logistics_type !== 4) || b.delivery_mode !== 1) return [47001, 'logistics_type / delivery_mode invalid'];
  const list = b.shipping_list;
  if (!Array.isArray(list) || list.length !== 1) return [47001, 'shipping_list invalid'];
  const s = list[0];
  if (b.logistics_type === 4) return checkItemAndPayer(b, s);
  if (typeof s?.tracking_no !== 'string' || !s.tracking_no || typeof s.express_company !== 'string' || !s.express_company) return [10060012, '物流单号或物流公司编码不能为空'];
  // express_company must be a delivery company id from get_delivery_list, never a name like 顺丰速运.
  if (!DELIVERY_IDS.has(s.express_company)) return [47001, `data format error: express_company ${s.express_company} is not a delivery id`];
  // SF wants the receiver's phone, masked with the last 4 digits in clear (138****0000).
  if (s.express_company === 'SF') {
    const contact = s.contact?.receiver_contact;
    if (typeof contact !== 'string' || !contact) return [47001, 'data format error: contact.receiver_contact is required for SF'];
    if (!/\*/.test(contact) || !/\d{4}$/.test(contact) || contact.length > 1024) return [47001, 'data format error: contact.receiver_contact must be masked'];
  }
  return checkItemAndPayer(b, s);
}

/** item_desc, upload_time and payer, checked for every logistics type. */
function checkItemAndPayer(b: Record<string, any>, s: Record<string, any> | undefined): [number, string] | null {
  if (typeof s?.item_desc !== 'string' || !s.item_desc || s.item_desc.length > 120) return [10060019, '商品信息不合法'];
  if (typeof b.upload_time !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(b.upload_time)) return [47001, 'upload_time invalid'];
  if (typeof b.payer?.openid !== 'string' || !b.payer.openid) return [10060014, '参数错误，payer openid 不能为空'];
  return null;
}
