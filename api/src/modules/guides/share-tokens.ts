/**
 * LOCAL ADAPTER for the lead's `api/src/modules/share/` (same interface): signed share tokens of
 * at most 32 characters. Replace the import sites with the shared module once it is merged.
 * Layout: kind (1 byte) | id (uint32) | issued-at seconds (uint32) | HMAC-SHA256 truncated to
 * 10 bytes, base62-encoded (≈ 26 characters, URL- and `scene`-safe).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type ShareKind = 'guide' | 'member';
export interface VerifiedShareToken {
  kind: ShareKind;
  id: number;
  issuedAt: Date;
}
export interface ShareTokens {
  sign(input: { kind: ShareKind; id: number }): string;
  verify(token: string): VerifiedShareToken | null;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY = 9;
const MAC = 10;

function toBase62(buf: Buffer): string {
  let n = BigInt(`0x${buf.toString('hex')}`);
  let s = '';
  while (n > 0n) {
    s = ALPHABET[Number(n % 62n)] + s;
    n /= 62n;
  }
  return s || '0';
}

function fromBase62(s: string, bytes: number): Buffer | null {
  let n = 0n;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    n = n * 62n + BigInt(v);
  }
  const hex = n.toString(16).padStart(bytes * 2, '0');
  return hex.length > bytes * 2 ? null : Buffer.from(hex, 'hex');
}

export function makeShareTokens(secret: string, now: () => Date): ShareTokens {
  const key = createHmac('sha256', secret).update('loopmall-share-token').digest();
  const mac = (body: Buffer) => createHmac('sha256', key).update(body).digest().subarray(0, MAC);
  return {
    sign({ kind, id }) {
      const body = Buffer.alloc(BODY);
      body.writeUInt8(kind === 'guide' ? 1 : 2, 0);
      body.writeUInt32BE(id, 1);
      body.writeUInt32BE(Math.floor(now().getTime() / 1000), 5);
      return toBase62(Buffer.concat([body, mac(body)]));
    },
    verify(token) {
      if (typeof token !== 'string' || token.length < 8 || token.length > 32) return null;
      const buf = fromBase62(token, BODY + MAC);
      if (!buf) return null;
      const body = buf.subarray(0, BODY);
      const given = buf.subarray(BODY);
      if (!timingSafeEqual(given, mac(body))) return null;
      const k = body.readUInt8(0);
      const id = body.readUInt32BE(1);
      if ((k !== 1 && k !== 2) || id < 1 || id > 2_147_483_647) return null;
      return { kind: k === 1 ? 'guide' : 'member', id, issuedAt: new Date(body.readUInt32BE(5) * 1000) };
    },
  };
}
