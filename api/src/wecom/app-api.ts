/**
 * One WeCom application's server API: its access token (gettoken with the corp id and that
 * application's secret) cached and shared by concurrent callers, refreshed once when WeCom says
 * it is invalid or expired, and WeChat's JSON conventions (which WeCom shares) for every call.
 * The customer-contact client and the sidebar agent's client are two of these, each with its own
 * secret: an access token belongs to the application whose secret made it.
 */
import { callJson, type JsonEndpoint, WeChatApiError, WeChatUnavailableError } from '../wechat/json-call';
import { ExpiringValue } from './expiring';

export interface WeComAppOptions {
  baseUrl: string;
  corpId: string;
  /** The application's secret (客户联系's secret, or a self-built agent's). */
  secret: string;
  timeoutMs: number;
  now?: () => number;
}

/** 40014 invalid access_token, 42001 expired: refresh once and retry. */
const TOKEN_ERRORS = new Set([40014, 42001]);

export class WeComAppApi {
  protected readonly now: () => number;
  private readonly endpoint: JsonEndpoint;
  private readonly token: ExpiringValue<string>;

  constructor(protected readonly opts: WeComAppOptions) {
    this.now = opts.now ?? Date.now;
    this.endpoint = { baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs, service: 'WeCom' };
    this.token = new ExpiringValue(() => this.fetchToken(), this.now);
  }

  /** How many times a token was fetched. */
  get tokenFetches(): number {
    return this.token.fetches;
  }

  accessToken(forceRefresh = false): Promise<string> {
    return this.token.get(forceRefresh);
  }

  /** A call with `access_token` appended; a token WeCom calls invalid or expired is refreshed once. */
  protected async authed(pathAndQuery: string, json?: unknown): Promise<Record<string, any>> {
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

  /** A value with `expires_in` fetched through `authed` (a jsapi_ticket): cached and single-flight. */
  protected expiring(path: string, field: string): ExpiringValue<string> {
    return new ExpiringValue(async () => {
      const body = await this.authed(path);
      if (typeof body[field] !== 'string' || typeof body.expires_in !== 'number') throw new WeChatUnavailableError(`${path} answered without ${field}`);
      return { value: body[field] as string, expiresInSeconds: body.expires_in };
    }, this.now);
  }

  private async fetchToken(): Promise<{ value: string; expiresInSeconds: number }> {
    const qs = new URLSearchParams({ corpid: this.opts.corpId, corpsecret: this.opts.secret });
    const body = await this.call('GET', `/cgi-bin/gettoken?${qs}`);
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') throw new WeChatUnavailableError('gettoken answered without access_token');
    return { value: body.access_token, expiresInSeconds: body.expires_in };
  }

  private call(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Record<string, any>> {
    return callJson(this.endpoint, method, path, json);
  }
}
