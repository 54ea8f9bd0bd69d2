/**
 * Builds WeChat Pay notifications exactly as WeChat sends them: the JSON envelope (id,
 * create_time, event_type, resource_type 'encrypt-resource', resource, summary), the resource
 * encrypted with AEAD_AES_256_GCM under the APIv3 key, and the Wechatpay-* headers signing
 * `timestamp\nnonce\nbody\n` with the platform key. Overrides let tests tamper with any part.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { rfc3339 } from './client';
import { encryptResource, nonce as makeNonce, responseMessage, sign, unixNow } from './crypto';

export interface PlatformSigner {
  key: KeyObject;
  serial: string;
}

export interface NotificationOverrides {
  /** Replace (merge into) the decrypted resource: wrong amount, mchid, appid, out_trade_no … */
  resource?: Record<string, unknown>;
  /** Wechatpay-Timestamp, in seconds (default: now). */
  timestamp?: number;
  /** Sign with a different key (a forger's). */
  signWith?: KeyObject;
  /** Send a signature that does not match (flip the body after signing). */
  tamperBody?: boolean;
  serial?: string;
  /** Encrypt with another APIv3 key. */
  apiV3Key?: string;
  eventType?: string;
  /** Pretty-print the JSON: the signature covers the raw bytes, whatever their layout. */
  pretty?: boolean;
}

export interface BuiltNotification {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function buildNotification(
  signer: PlatformSigner,
  apiV3Key: string,
  url: string,
  kind: { eventType: string; summary: string; originalType: 'transaction' | 'refund' },
  resource: Record<string, unknown>,
  o: NotificationOverrides = {},
  now = new Date(),
): BuiltNotification {
  const plaintext = JSON.stringify({ ...resource, ...o.resource });
  const envelope = {
    id: randomUUID(),
    create_time: rfc3339(now),
    resource_type: 'encrypt-resource',
    event_type: o.eventType ?? kind.eventType,
    summary: kind.summary,
    resource: encryptResource(plaintext, o.apiV3Key ?? apiV3Key, kind.originalType, kind.originalType),
  };
  let body = o.pretty ? JSON.stringify(envelope, null, 2) : JSON.stringify(envelope);
  const timestamp = o.timestamp ?? unixNow(now);
  const nonce = makeNonce(32);
  const signature = sign(responseMessage(timestamp, nonce, body), o.signWith ?? signer.key);
  if (o.tamperBody) body = body.replace(/"summary":\s*"[^"]*"/, '"summary":"tampered"');
  return {
    url,
    headers: {
      'content-type': 'application/json',
      'wechatpay-timestamp': String(timestamp),
      'wechatpay-nonce': nonce,
      'wechatpay-signature': signature,
      'wechatpay-serial': o.serial ?? signer.serial,
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    },
    body,
  };
}

/** POSTs a built notification as WeChat would; answers the status and text. */
export async function deliver(n: BuiltNotification): Promise<{ status: number; text: string }> {
  const res = await fetch(n.url, { method: 'POST', headers: n.headers, body: n.body });
  return { status: res.status, text: await res.text() };
}
