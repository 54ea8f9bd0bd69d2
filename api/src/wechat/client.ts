/**
 * WeChat server API client (mini-program login, the access token, shipping upload, poster codes,
 * subscribe messages), against a configurable
 * base URL so development and tests talk to the fake on loopback.
 */

import { callJson, jsonBodyOf, sendJson, throwOnErrcode, type JsonEndpoint, WeChatApiError, WeChatUnavailableError } from './json-call';

export { WeChatApiError, WeChatUnavailableError };

export interface WeChatSession {
  openid: string;
  unionid: string | null;
  /** Never leaves the server: it decrypts data the client sends later. */
  sessionKey: string;
}

/** phone_info of getuserphonenumber (the number without country code is `purePhoneNumber`). */
export interface WeChatPhone {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

/**
 * logistics_type 1 (物流配送, the default): a parcel with a tracking number; 4 (用户自提): the
 * shopper collected the goods at a store, no carrier.
 */
export type ShippingUpload = {
  transactionId: string;
  openid: string;
  itemDesc: string;
  uploadTime: Date;
} & (
  | {
      logisticsType?: 1;
      trackingNo: string;
      /** WeChat's delivery company code (e.g. SF, YTO, ZTO). */
      expressCompany: string;
      /** Masked receiver phone (138****0000), shipping_list[].contact.receiver_contact; WeChat requires it for SF. */
      receiverContact?: string;
    }
  | { logisticsType: 4 }
);

/** `2022-12-15T13:29:35.120+08:00`: RFC 3339 in China time, as WeChat writes it. */
function rfc3339Cst(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 23)}+08:00`;
}

export interface WeChatClientOptions {
  baseUrl: string;
  appid: string;
  secret: string;
  timeoutMs: number;
  now?: () => number;
}

interface TokenCache {
  token: string;
  expiresAt: number;
}

/** Refresh this long before WeChat says the token expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

export class WeChatClient {
  private cached: TokenCache | null = null;
  private inflight: Promise<string> | null = null;
  private readonly now: () => number;
  private readonly endpoint: JsonEndpoint;

  constructor(private readonly opts: WeChatClientOptions) {
    this.now = opts.now ?? Date.now;
    this.endpoint = { baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs, service: 'WeChat' };
  }

  /** jscode2session: trades the one-time code from wx.login for the shopper's identity. */
  async code2Session(code: string): Promise<WeChatSession> {
    const qs = new URLSearchParams({
      appid: this.opts.appid,
      secret: this.opts.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const body = await this.call('GET', `/sns/jscode2session?${qs}`);
    if (typeof body.openid !== 'string' || typeof body.session_key !== 'string') {
      throw new WeChatUnavailableError('jscode2session answered without openid/session_key');
    }
    return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : null, sessionKey: body.session_key };
  }

  /**
   * The access token, from the stable_token endpoint: unlike the legacy /cgi-bin/token, a normal
   * call there does not invalidate the token other API instances hold, so each instance can keep
   * its own in-memory copy. Concurrent callers share one request (single flight).
   */
  async accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.cached && this.cached.expiresAt - TOKEN_MARGIN_MS > this.now()) return this.cached.token;
    this.inflight ??= this.fetchToken(forceRefresh).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /**
   * Trading mini-programs: WeChat holds the funds until the shipping information is uploaded.
   * POST /wxa/sec/order/upload_shipping_info (order_number_type 2: by WeChat Pay transaction id).
   * A rejected token (40001/42001) is refreshed once and the call retried.
   */
  async uploadShippingInfo(req: ShippingUpload): Promise<void> {
    const body = {
      order_key: { order_number_type: 2, transaction_id: req.transactionId },
      logistics_type: req.logisticsType ?? 1,
      delivery_mode: 1,
      shipping_list: [
        req.logisticsType === 4
          ? { item_desc: req.itemDesc.slice(0, 120) }
          : {
              tracking_no: req.trackingNo,
              express_company: req.expressCompany,
              item_desc: req.itemDesc.slice(0, 120),
              ...(req.receiverContact ? { contact: { receiver_contact: req.receiverContact } } : {}),
            },
      ],
      upload_time: rfc3339Cst(req.uploadTime),
      payer: { openid: req.openid },
    };
    await this.withToken((token) => this.call('POST', `/wxa/sec/order/upload_shipping_info?access_token=${token}`, body));
  }

  /**
   * A mini-program code for a poster: POST /wxa/getwxacodeunlimit. `scene` carries at most 32
   * visible characters (the page reads it from the launch options); `page` has no leading `/`.
   * WeChat answers the image bytes, or JSON with an errcode (41030 page not found, 45009 quota).
   */
  async getUnlimitedQrCode(req: { scene: string; page: string; width?: number }): Promise<{ contentType: string; image: Buffer }> {
    if (!/^[\x21-\x7e]{1,32}$/.test(req.scene)) throw new RangeError('scene must be 1-32 visible ASCII characters');
    if (req.page.startsWith('/')) throw new RangeError('page must not start with /');
    const body = { scene: req.scene, page: req.page, width: req.width ?? 430, check_path: true, env_version: 'release' };
    return this.withToken(async (token) => {
      const res = await sendJson(this.endpoint, 'POST', `/wxa/getwxacodeunlimit?access_token=${token}`, body);
      const type = res.headers.get('content-type') ?? '';
      if (type.startsWith('image/')) return { contentType: type, image: Buffer.from(await res.arrayBuffer()) };
      throwOnErrcode(this.endpoint, await jsonBodyOf(this.endpoint, res));
      throw new WeChatUnavailableError('getwxacodeunlimit answered neither an image nor an error');
    });
  }

  /**
   * A subscribe message: POST /cgi-bin/message/subscribe/send. Each consent the shopper gave
   * allows one send; 43101 means they refused or the consent was used up (the caller records it).
   */
  async sendSubscribeMessage(req: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }> }): Promise<void> {
    const body = { touser: req.touser, template_id: req.templateId, page: req.page, data: req.data, miniprogram_state: 'formal', lang: 'zh_CN' };
    await this.withToken((token) => this.call('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, body));
  }

  /**
   * The phone number behind a getPhoneNumber button's one-time code (5 minutes):
   * POST /wxa/business/getuserphonenumber. Billed per success, so callers ask only when needed.
   * 40029 invalid code, 45011 rate limited. The watermark must name our own appid.
   */
  async getUserPhoneNumber(code: string): Promise<WeChatPhone> {
    const body = await this.withToken((token) => this.call('POST', `/wxa/business/getuserphonenumber?access_token=${token}`, { code }));
    const info = body.phone_info as Record<string, any> | undefined;
    if (!info || typeof info.purePhoneNumber !== 'string' || !info.purePhoneNumber) throw new WeChatUnavailableError('getuserphonenumber answered without phone_info');
    if (info.watermark?.appid !== this.opts.appid) throw new WeChatUnavailableError('getuserphonenumber answered for another appid');
    return { phoneNumber: String(info.phoneNumber ?? info.purePhoneNumber), purePhoneNumber: info.purePhoneNumber, countryCode: String(info.countryCode ?? '86') };
  }

  /** Runs a call with the access token; a rejected token (40001/42001) is refreshed once and the call retried. */
  private async withToken<T>(fn: (token: string) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0);
      try {
        return await fn(encodeURIComponent(token));
      } catch (err) {
        if (attempt === 0 && err instanceof WeChatApiError && (err.errcode === 40001 || err.errcode === 42001)) continue;
        throw err;
      }
    }
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    const body = await this.call('POST', '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.opts.appid,
      secret: this.opts.secret,
      force_refresh: forceRefresh,
    });
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new WeChatUnavailableError('stable_token answered without access_token');
    }
    this.cached = { token: body.access_token, expiresAt: this.now() + body.expires_in * 1000 };
    return body.access_token;
  }

  private call(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Record<string, any>> {
    return callJson(this.endpoint, method, path, json);
  }
}
