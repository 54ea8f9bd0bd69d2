/**
 * WeCom callback envelope: `msg_signature` = SHA1 over the sorted token, timestamp, nonce and
 * ciphertext; the ciphertext is AES-256-CBC with the EncodingAESKey and ends with the receiver id
 * (the corp id). Signing and AES come from the official `@wecom/crypto`; this file adds the
 * checks around them (constant-time signature compare, timestamp window, receiver id) and the
 * small XML reading the callbacks need.
 */
import { timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

export interface CallbackKeys {
  token: string;
  encodingAesKey: string;
  corpId: string;
}

/** A callback whose timestamp is further than this from our clock is refused (replay window). */
export const CALLBACK_SKEW_SECONDS = 300;

export type OpenResult = { ok: true; message: string } | { ok: false; reason: 'bad_signature' | 'stale_timestamp' | 'bad_ciphertext' | 'wrong_receiver' };

export interface SignedParts {
  msgSignature: string;
  timestamp: string;
  nonce: string;
  encrypted: string;
}

/** Verifies and decrypts one envelope (the POST's <Encrypt>, or the verification GET's echostr). */
export function openEnvelope(keys: CallbackKeys, p: SignedParts, nowMs: number): OpenResult {
  const expected = Buffer.from(getSignature(keys.token, p.timestamp, p.nonce, p.encrypted));
  const given = Buffer.from(p.msgSignature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  const ts = Number(p.timestamp);
  if (!/^\d{1,12}$/.test(p.timestamp) || Math.abs(nowMs / 1000 - ts) > CALLBACK_SKEW_SECONDS) return { ok: false, reason: 'stale_timestamp' };
  let opened: { message: string; id: string };
  try {
    opened = decrypt(keys.encodingAesKey, p.encrypted);
  } catch {
    return { ok: false, reason: 'bad_ciphertext' };
  }
  if (opened.id !== keys.corpId) return { ok: false, reason: 'wrong_receiver' };
  return { ok: true, message: opened.message };
}

/** What WeCom sends: the encrypted XML body and the signed query. */
export function sealCallback(keys: CallbackKeys, plainXml: string, timestamp: number, nonce: string): { query: Record<string, string>; body: string } {
  const enc = encrypt(keys.encodingAesKey, plainXml, keys.corpId);
  const msg_signature = getSignature(keys.token, timestamp, nonce, enc);
  return {
    query: { msg_signature, timestamp: String(timestamp), nonce },
    body: `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><AgentID><![CDATA[]]></AgentID><Encrypt><![CDATA[${enc}]]></Encrypt></xml>`,
  };
}

/** The flat fields of a callback XML (`<Tag><![CDATA[v]]></Tag>` or `<Tag>v</Tag>`). */
export function xmlFields(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /<([A-Za-z][A-Za-z0-9_]*)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out[m[1]] = m[2] ?? m[3] ?? '';
  return out;
}

/** Builds a callback XML (the fake and the tests write events with it). */
export function toXml(fields: Record<string, string | number>): string {
  const body = Object.entries(fields)
    .map(([k, v]) => (typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`))
    .join('');
  return `<xml>${body}</xml>`;
}
