/**
 * WeChat server API client (mini-program login and the access token), against a configurable
 * base URL so development and tests talk to the fake on loopback.
 */

export class WeChatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
    this.name = 'WeChatApiError';
  }
}

/** The network or WeChat itself failed (timeout, 5xx, not JSON): nothing the caller did wrong. */
export class WeChatUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WeChatUnavailableError';
  }
}

export interface WeChatSession {
  openid: string;
  unionid: string | null;
  /** Never leaves the server: it decrypts data the client sends later. */
  sessionKey: string;
}

export interface ShippingUpload {
  transactionId: string;
  openid: string;
  trackingNo: string;
  /** WeChat's delivery company code (e.g. SF, YTO, ZTO). */
  expressCompany: string;
  /** Masked receiver phone (138****0000), shipping_list[].contact.receiver_contact; WeChat requires it for SF. */
  receiverContact?: string;
  itemDesc: string;
  uploadTime: Date;
}

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

  constructor(private readonly opts: WeChatClientOptions) {
    this.now = opts.now ?? Date.now;
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
      logistics_type: 1,
      delivery_mode: 1,
      shipping_list: [
        {
          tracking_no: req.trackingNo,
          express_company: req.expressCompany,
          item_desc: req.itemDesc.slice(0, 120),
          ...(req.receiverContact ? { contact: { receiver_contact: req.receiverContact } } : {}),
        },
      ],
      upload_time: rfc3339Cst(req.uploadTime),
      payer: { openid: req.openid },
    };
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0);
      try {
        await this.call('POST', `/wxa/sec/order/upload_shipping_info?access_token=${encodeURIComponent(token)}`, body);
        return;
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

  private async call(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Record<string, any>> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.opts.baseUrl), {
        method,
        headers: json ? { 'content-type': 'application/json' } : undefined,
        body: json ? JSON.stringify(json) : undefined,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (err) {
      throw new WeChatUnavailableError(`WeChat request failed: ${(err as Error).message}`, { cause: err });
    }
    if (res.status >= 500) throw new WeChatUnavailableError(`WeChat answered HTTP ${res.status}`);
    let body: Record<string, any>;
    try {
      body = (await res.json()) as Record<string, any>;
    } catch (err) {
      throw new WeChatUnavailableError('WeChat answered something that is not JSON', { cause: err });
    }
    // WeChat reports failures as 200 with a non-zero errcode; -1 means "system busy, retry".
    if (typeof body.errcode === 'number' && body.errcode !== 0) {
      if (body.errcode === -1) throw new WeChatUnavailableError(`WeChat busy: ${body.errmsg}`);
      throw new WeChatApiError(body.errcode, String(body.errmsg ?? ''));
    }
    return body;
  }
}
