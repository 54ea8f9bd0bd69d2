/**
 * The POS request signature (issue 18), pure so the README's worked example, the API and the
 * test's fake POS share one definition. The caller computes
 *
 *   signature = hex(HMAC-SHA256(secret, canonical))
 *   canonical = METHOD "\n" PATH_WITH_QUERY "\n" TIMESTAMP "\n" NONCE "\n" hex(SHA-256(body bytes))
 *
 * METHOD upper case; PATH_WITH_QUERY exactly as sent on the request line (`/api/pos/sales?x=1`);
 * TIMESTAMP unix seconds in decimal; NONCE 16–64 characters of [A-Za-z0-9_-]; the body hash is of
 * the exact bytes sent (the hash of nothing for a GET). No crypto here: common/ has no runtime
 * dependencies, the hashing sits in api/ (node:crypto) and in the POS vendor's own code.
 */
export const POS_HEADERS = {
  key: 'x-loopmall-key',
  timestamp: 'x-loopmall-timestamp',
  nonce: 'x-loopmall-nonce',
  signature: 'x-loopmall-signature',
} as const;

/** A request is accepted only within this many seconds of the server's clock, either side. */
export const POS_WINDOW_SECONDS = 300;
/** Nonces are kept at least this long (twice the window), then pruned: an older one can never pass the window again. */
export const POS_NONCE_KEEP_SECONDS = 2 * POS_WINDOW_SECONDS;

export const POS_NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const POS_TIMESTAMP_PATTERN = /^[1-9][0-9]{0,11}$/;
export const POS_SIGNATURE_PATTERN = /^[0-9a-f]{64}$/;
export const POS_KEY_ID_PATTERN = /^pk_[0-9a-f]{16}$/;

export function canonicalRequest(input: { method: string; pathWithQuery: string; timestamp: string; nonce: string; bodySha256Hex: string }): string {
  return [input.method.toUpperCase(), input.pathWithQuery, input.timestamp, input.nonce, input.bodySha256Hex].join('\n');
}

export type HeaderProblem = 'POS_SIGNATURE_MISSING' | 'POS_SIGNATURE_INVALID' | 'POS_TIMESTAMP_STALE';

/** The headers' shape and the time window; the key, the HMAC and the nonce are checked by the API. */
export function checkSignedHeaders(h: { key?: string; timestamp?: string; nonce?: string; signature?: string }, nowMs: number): HeaderProblem | null {
  if (!h.key || !h.timestamp || !h.nonce || !h.signature) return 'POS_SIGNATURE_MISSING';
  if (!POS_KEY_ID_PATTERN.test(h.key) || !POS_TIMESTAMP_PATTERN.test(h.timestamp) || !POS_NONCE_PATTERN.test(h.nonce) || !POS_SIGNATURE_PATTERN.test(h.signature)) {
    return 'POS_SIGNATURE_INVALID';
  }
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(h.timestamp));
  return skew > POS_WINDOW_SECONDS ? 'POS_TIMESTAMP_STALE' : null;
}

/**
 * JSON with object keys sorted, so that a retry whose body means the same thing (keys in another
 * order, other whitespace) hashes the same for the receipt idempotency check.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
