/**
 * WeCom (企业微信) server API client for customer contact (客户联系): 「联系我」 contact ways,
 * external contacts and welcome messages. Configurable base URL (the tests and development talk
 * to the loopback fake); the corp access token is cached until shortly before it expires, shared
 * by concurrent callers, and refreshed once when WeCom says it is invalid or expired.
 */
import { callJson, type JsonEndpoint, WeChatApiError, WeChatUnavailableError } from '../wechat/json-call';

export interface WeComClientOptions {
  baseUrl: string;
  corpId: string;
  /** The secret of the customer-contact (客户联系) application. */
  secret: string;
  timeoutMs: number;
  now?: () => number;
}

export interface ContactWay {
  configId: string;
  qrCode: string | null;
}

export interface ExternalContact {
  externalUserId: string;
  name: string;
  unionid: string | null;
}

export interface WelcomeMessage {
  welcomeCode: string;
  text: string;
  miniprogram: { title: string; picMediaId: string; appid: string; page: string };
}

const TOKEN_MARGIN_MS = 5 * 60_000;
/** 40014 invalid access_token, 42001 expired: refresh once and retry. */
const TOKEN_ERRORS = new Set([40014, 42001]);

export class WeComClient {
  private cached: { token: string; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;
  private readonly now: () => number;
  /** How many times a token was fetched (the cache is observable in tests). */
  tokenFetches = 0;

  private readonly endpoint: JsonEndpoint;

  constructor(private readonly opts: WeComClientOptions) {
    this.now = opts.now ?? Date.now;
    this.endpoint = { baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs, service: 'WeCom' };
  }

  async accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.cached && this.cached.expiresAt - TOKEN_MARGIN_MS > this.now()) return this.cached.token;
    this.inflight ??= this.fetchToken().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** externalcontact/add_contact_way, type 1 (one member): scene 1 = mini-program button, 2 = QR code. */
  async addContactWay(input: { scene: 1 | 2; userId: string; state: string }): Promise<ContactWay> {
    const body = await this.authed('/cgi-bin/externalcontact/add_contact_way', { type: 1, scene: input.scene, user: [input.userId], state: input.state.slice(0, 30), skip_verify: true });
    if (typeof body.config_id !== 'string') throw new WeChatUnavailableError('add_contact_way answered without config_id');
    return { configId: body.config_id, qrCode: typeof body.qr_code === 'string' ? body.qr_code : null };
  }

  /** externalcontact/get: the customer's details, with unionid when the corp and the mini-program share an open-platform account. */
  async getExternalContact(externalUserId: string): Promise<ExternalContact> {
    const body = await this.authed(`/cgi-bin/externalcontact/get?external_userid=${encodeURIComponent(externalUserId)}`);
    const c = body.external_contact ?? {};
    return { externalUserId, name: String(c.name ?? ''), unionid: typeof c.unionid === 'string' && c.unionid ? c.unionid : null };
  }

  /** externalcontact/send_welcome_msg: once per WelcomeCode, within 20 seconds of the add. */
  async sendWelcomeMessage(msg: WelcomeMessage): Promise<void> {
    await this.authed('/cgi-bin/externalcontact/send_welcome_msg', {
      welcome_code: msg.welcomeCode,
      text: { content: msg.text },
      attachments: [{ msgtype: 'miniprogram', miniprogram: { title: msg.miniprogram.title, pic_media_id: msg.miniprogram.picMediaId, appid: msg.miniprogram.appid, page: msg.miniprogram.page } }],
    });
  }

  private async authed(pathAndQuery: string, json?: unknown): Promise<Record<string, any>> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0);
      const sep = pathAndQuery.includes('?') ? '&' : '?';
      try {
        return await this.call(json === undefined ? 'GET' : 'POST', `${pathAndQuery}${sep}access_token=${encodeURIComponent(token)}`, json);
      } catch (err) {
        if (attempt === 0 && err instanceof WeChatApiError && TOKEN_ERRORS.has(err.errcode)) continue;
        throw err;
      }
    }
  }

  private async fetchToken(): Promise<string> {
    this.tokenFetches++;
    const qs = new URLSearchParams({ corpid: this.opts.corpId, corpsecret: this.opts.secret });
    const body = await this.call('GET', `/cgi-bin/gettoken?${qs}`);
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') throw new WeChatUnavailableError('gettoken answered without access_token');
    this.cached = { token: body.access_token, expiresAt: this.now() + body.expires_in * 1000 };
    return body.access_token;
  }

  /** One JSON call with WeChat's conventions, which WeCom shares (wechat/json-call.ts). */
  private call(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Record<string, any>> {
    return callJson(this.endpoint, method, path, json);
  }
}
