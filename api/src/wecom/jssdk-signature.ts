/**
 * The JS-SDK signature WeCom checks in `ww.register` (config and agentConfig): sha1, in hex, over
 * `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`, keys in that (ASCII) order, values raw (not URL
 * encoded), and the page URL without its `#fragment`. The corp jsapi_ticket signs the config, the
 * agent's agent_config ticket signs the agentConfig; the formula is the same.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface SignatureInput {
  ticket: string;
  nonceStr: string;
  timestamp: number;
  url: string;
}

/** The page URL as signed: everything before the first `#`. */
export function urlForSignature(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

export function jssdkSignature(input: SignatureInput): string {
  const plain = `jsapi_ticket=${input.ticket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${urlForSignature(input.url)}`;
  return createHash('sha1').update(plain, 'utf8').digest('hex');
}

/** 16 letters and digits, as WeCom's examples use. */
export function newNonceStr(): string {
  return randomBytes(12).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, 16);
}
