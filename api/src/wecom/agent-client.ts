/**
 * The sidebar agent's WeCom API (a self-built application, 自建应用, whose page sits in the chat
 * toolbar): web login (auth/getuserinfo) and the two JS-SDK tickets. All three need the agent's
 * own access token, made with the agent's secret: a ticket fetched with another application's
 * token signs for that application, and WeCom refuses the agentConfig (42012).
 * Each ticket is cached until shortly before it expires and fetched once under concurrency.
 */
import { WeChatApiError, WeChatUnavailableError } from '../wechat/json-call';
import { WeComAppApi, type WeComAppOptions } from './app-api';
import type { ExpiringValue } from './expiring';
import { jssdkSignature, newNonceStr, urlForSignature } from './jssdk-signature';

/** Who opened the page: a corp member (userid), or someone outside the corp (openid). */
export type WebLoginIdentity = { kind: 'member'; userid: string } | { kind: 'outsider'; openid: string };

export interface JssdkSignatures {
  timestamp: number;
  nonceStr: string;
  url: string;
  signature: string;
  agentSignature: string;
}

/** 40029 invalid code: expired, already used, or never issued. */
export const WECOM_INVALID_CODE = 40029;

export class WeComAgentClient extends WeComAppApi {
  private readonly corpTicket: ExpiringValue<string>;
  private readonly agentTicket: ExpiringValue<string>;

  constructor(opts: WeComAppOptions) {
    super(opts);
    this.corpTicket = this.expiring('/cgi-bin/get_jsapi_ticket', 'ticket');
    this.agentTicket = this.expiring('/cgi-bin/ticket/get?type=agent_config', 'ticket');
  }

  /** How many times each ticket was fetched. */
  get ticketFetches(): { corp: number; agent: number } {
    return { corp: this.corpTicket.fetches, agent: this.agentTicket.fetches };
  }

  /** auth/getuserinfo: the identity behind a web-login code. Throws WeChatApiError 40029 for a bad code. */
  async webLogin(code: string): Promise<WebLoginIdentity> {
    const body = await this.authed(`/cgi-bin/auth/getuserinfo?code=${encodeURIComponent(code)}`);
    if (typeof body.userid === 'string' && body.userid) return { kind: 'member', userid: body.userid };
    if (typeof body.openid === 'string' && body.openid) return { kind: 'outsider', openid: body.openid };
    throw new WeChatUnavailableError('auth/getuserinfo answered neither userid nor openid');
  }

  /** Both JS-SDK signatures for a page URL (the fragment is dropped), with one timestamp and nonce. */
  async signatures(url: string): Promise<JssdkSignatures> {
    const [corp, agent] = await Promise.all([this.corpTicket.get(), this.agentTicket.get()]);
    const timestamp = Math.floor(this.now() / 1000);
    const nonceStr = newNonceStr();
    return {
      timestamp,
      nonceStr,
      url: urlForSignature(url),
      signature: jssdkSignature({ ticket: corp, nonceStr, timestamp, url }),
      agentSignature: jssdkSignature({ ticket: agent, nonceStr, timestamp, url }),
    };
  }
}

export function isInvalidCode(err: unknown): boolean {
  return err instanceof WeChatApiError && err.errcode === WECOM_INVALID_CODE;
}
