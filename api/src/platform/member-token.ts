/**
 * The member code (会员码) a shopper shows at the store counter: a short signed token naming the
 * member and the second it was issued. The mini-program refreshes it every 60 s; the counter
 * accepts it for 2 minutes, so a code read off a screenshot stops working soon after. It is
 * signed, not stored: any API instance can verify it without a database read.
 *
 * Format: `M<memberId base36>.<issued unix seconds base36>.<HMAC-SHA256, first 9 bytes, base64url>`
 * (about 24 characters: short enough for a Code 128 barcode and a small QR code).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MEMBER_TOKEN_REFRESH_SECONDS = 60;
export const MEMBER_TOKEN_VALID_SECONDS = 120;
/** A phone's clock may run a little ahead of ours; a token "from the future" beyond this is refused. */
const CLOCK_SKEW_SECONDS = 30;

const PATTERN = /^M([0-9a-z]{1,11})\.([0-9a-z]{1,8})\.([A-Za-z0-9_-]{12})$/;

export interface MemberTokenIssued {
  token: string;
  issuedAt: Date;
  /** When the counter stops accepting it. */
  expiresAt: Date;
  /** When the page should fetch the next one. */
  refreshAt: Date;
}

export type MemberTokenCheck =
  | { ok: true; memberId: number; issuedAt: Date }
  | { ok: false; reason: 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' };

/** The key is derived from the session secret, so a member token can never pass as a session. */
function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('loopmall member token v1').digest();
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', keyOf(secret)).update(body).digest().subarray(0, 9).toString('base64url');
}

export function issueMemberToken(secret: string, memberId: number, now: Date): MemberTokenIssued {
  if (!Number.isSafeInteger(memberId) || memberId <= 0) throw new Error(`bad member id ${memberId}`);
  const seconds = Math.floor(now.getTime() / 1000);
  const body = `M${memberId.toString(36)}.${seconds.toString(36)}`;
  const issuedAt = new Date(seconds * 1000);
  return {
    token: `${body}.${sign(secret, body)}`,
    issuedAt,
    expiresAt: new Date((seconds + MEMBER_TOKEN_VALID_SECONDS) * 1000),
    refreshAt: new Date((seconds + MEMBER_TOKEN_REFRESH_SECONDS) * 1000),
  };
}

export function verifyMemberToken(secret: string, token: string, now: Date): MemberTokenCheck {
  const m = PATTERN.exec(token);
  if (!m) return { ok: false, reason: 'MALFORMED' };
  const body = `M${m[1]}.${m[2]}`;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'BAD_SIGNATURE' };
  const memberId = parseInt(m[1], 36);
  const seconds = parseInt(m[2], 36);
  const age = Math.floor(now.getTime() / 1000) - seconds;
  if (age > MEMBER_TOKEN_VALID_SECONDS || age < -CLOCK_SKEW_SECONDS) return { ok: false, reason: 'EXPIRED' };
  if (!Number.isSafeInteger(memberId) || memberId <= 0) return { ok: false, reason: 'MALFORMED' };
  return { ok: true, memberId, issuedAt: new Date(seconds * 1000) };
}
