/**
 * A scripted store POS for the tests (and the journey): it signs each request exactly as a real
 * integration does (README "Connecting a POS") — HMAC-SHA256 over method, path with query,
 * timestamp, nonce and the body's SHA-256 — and can be told to get one part wrong.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { canonicalRequest, POS_HEADERS } from '../../common/pos/signature';
import type { ApiResult } from './harness';

export interface Signed {
  canonical: string;
  bodySha256: string;
  signature: string;
  headers: Record<string, string>;
}

export function signPosRequest(r: { keyId: string; secret: string; method: string; pathWithQuery: string; body: string; timestamp: string; nonce: string }): Signed {
  const bodySha256 = createHash('sha256').update(r.body, 'utf8').digest('hex');
  const canonical = canonicalRequest({ method: r.method, pathWithQuery: r.pathWithQuery, timestamp: r.timestamp, nonce: r.nonce, bodySha256Hex: bodySha256 });
  const signature = createHmac('sha256', r.secret).update(canonical).digest('hex');
  return {
    canonical,
    bodySha256,
    signature,
    headers: { [POS_HEADERS.key]: r.keyId, [POS_HEADERS.timestamp]: r.timestamp, [POS_HEADERS.nonce]: r.nonce, [POS_HEADERS.signature]: signature },
  };
}

export interface SendOptions {
  timestamp?: string;
  nonce?: string;
  /** Send these headers instead of the signed ones (a missing or forged header). */
  headers?: (signed: Record<string, string>) => Record<string, string>;
  /** Send other bytes than the ones signed. */
  sendBody?: string;
}

export class FakePos {
  /** The last request's headers (a replay sends them again). */
  last: { method: string; path: string; body: string; headers: Record<string, string> } | null = null;

  constructor(
    readonly baseUrl: string,
    readonly keyId: string,
    readonly secret: string,
    private readonly clock: () => number = Date.now,
  ) {}

  async send<T = any>(method: string, path: string, body?: unknown, o: SendOptions = {}): Promise<ApiResult<T>> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const signed = signPosRequest({
      keyId: this.keyId,
      secret: this.secret,
      method,
      pathWithQuery: path,
      body: text,
      timestamp: o.timestamp ?? String(Math.floor(this.clock() / 1000)),
      nonce: o.nonce ?? randomBytes(12).toString('hex'),
    });
    const headers = { ...(o.headers ? o.headers(signed.headers) : signed.headers), ...(text ? { 'content-type': 'application/json' } : {}) };
    this.last = { method, path, body: o.sendBody ?? text, headers };
    return this.raw(method, path, o.sendBody ?? text, headers);
  }

  /** Sends the last request again, byte for byte (a replay). */
  replay<T = any>(): Promise<ApiResult<T>> {
    if (!this.last) throw new Error('nothing to replay');
    return this.raw(this.last.method, this.last.path, this.last.body, this.last.headers);
  }

  async raw<T = any>(method: string, path: string, body: string, headers: Record<string, string>): Promise<ApiResult<T>> {
    const res = await fetch(this.baseUrl + path, { method, headers, body: body || undefined });
    const text = await res.text();
    let parsed: any;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { raw: text };
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  identify(memberToken: string) {
    return this.send('POST', '/api/pos/members/identify', { memberToken });
  }
  sale(body: unknown) {
    return this.send('POST', '/api/pos/sales', body);
  }
  returnGoods(body: unknown) {
    return this.send('POST', '/api/pos/returns', body);
  }
}

/** A simple sale body: one line, no discount. */
export function saleBody(receiptNo: string, payableFen: number, extra: Record<string, unknown> = {}) {
  return {
    receiptNo,
    soldAt: new Date().toISOString(),
    paymentMethod: 'wechat',
    lines: [{ sku: 'TEE-M', title: '纯棉T恤', quantity: 1, unitFen: payableFen, amountFen: payableFen }],
    totalFen: payableFen,
    discountFen: 0,
    payableFen,
    ...extra,
  };
}
