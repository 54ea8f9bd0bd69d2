/**
 * Signed share tokens: what goes into every card a guide or a shopper shares (the `t` parameter
 * of a share path) and into a poster's mini-program code (`scene`, at most 32 visible
 * characters). A token names who shared (a guide, or a member for referrals) and when it was
 * issued, and carries an HMAC over both with a server key, so a forged or altered token is
 * recognised and ignored. Whether a valid token still counts (expiry, a guide who left, a
 * revoked token) is the rule of the feature that reads it (common/attribution for guides).
 *
 *   g1Z.1kQ7xm.<16-char MAC>   kind g|m, id and issue time (seconds) in base62, ≤ 31 characters
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type ShareTokenKind = 'guide' | 'member';

export interface VerifiedShareToken {
  kind: ShareTokenKind;
  id: number;
  issuedAt: Date;
  /** The token's MAC: a stable id for the token in attribution evidence. */
  tokenId: string;
}

/** A poster's scene is at most 32 visible characters; tokens always fit. */
export const MAX_SHARE_TOKEN_LENGTH = 32;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MAC_LENGTH = 16;
const KIND_CHAR: Record<ShareTokenKind, string> = { guide: 'g', member: 'm' };
/** Issue times in the future beyond this (clock skew between instances) are refused. */
const MAX_SKEW_MS = 5 * 60_000;

function toBase62(n: bigint): string {
  if (n === 0n) return '0';
  let out = '';
  for (let v = n; v > 0n; v /= 62n) out = ALPHABET[Number(v % 62n)] + out;
  return out;
}

function fromBase62(s: string): number | null {
  if (!/^[0-9A-Za-z]{1,8}$/.test(s)) return null;
  let n = 0;
  for (const ch of s) n = n * 62 + ALPHABET.indexOf(ch);
  return Number.isSafeInteger(n) ? n : null;
}

export class ShareTokens {
  private readonly key: Buffer;

  /** The key is derived from the session secret, so no second secret needs configuring. */
  constructor(
    secret: string,
    private readonly now: () => Date,
  ) {
    this.key = createHmac('sha256', secret).update('loopmall:share-token:v1').digest();
  }

  private mac(payload: string): string {
    const digest = createHmac('sha256', this.key).update(payload).digest();
    return toBase62(BigInt(`0x${digest.toString('hex')}`)).padStart(MAC_LENGTH, '0').slice(0, MAC_LENGTH);
  }

  sign(who: { kind: ShareTokenKind; id: number }): string {
    if (!Number.isSafeInteger(who.id) || who.id < 1) throw new RangeError(`share token id must be a positive integer: ${who.id}`);
    const payload = `${KIND_CHAR[who.kind]}${toBase62(BigInt(who.id))}.${toBase62(BigInt(Math.floor(this.now().getTime() / 1000)))}`;
    return `${payload}.${this.mac(payload)}`;
  }

  /** The token's content when its MAC is ours and its time plausible; null for anything else. */
  verify(token: unknown): VerifiedShareToken | null {
    if (typeof token !== 'string' || token.length > MAX_SHARE_TOKEN_LENGTH) return null;
    const m = /^([gm])([0-9A-Za-z]{1,8})\.([0-9A-Za-z]{1,8})\.([0-9A-Za-z]{16})$/.exec(token);
    if (!m) return null;
    const expected = Buffer.from(this.mac(`${m[1]}${m[2]}.${m[3]}`));
    // Constant-time compare: the MAC must not leak through timing.
    if (!timingSafeEqual(expected, Buffer.from(m[4]))) return null;
    const id = fromBase62(m[2]);
    const seconds = fromBase62(m[3]);
    if (id === null || id < 1 || seconds === null) return null;
    const issuedAt = new Date(seconds * 1000);
    if (issuedAt.getTime() > this.now().getTime() + MAX_SKEW_MS) return null;
    return { kind: m[1] === 'g' ? 'guide' : 'member', id, issuedAt, tokenId: m[4] };
  }
}
