/**
 * What a sale names its member by: the counter identifies the member (member code, 2 minutes)
 * and gets back a reference bound to its own store and valid 24 hours, so a sale queued while
 * the till was offline can still be posted later. Signed, not stored.
 * Format: `R<memberId b36>.<storeId b36>.<issued unix s b36>.<HMAC-SHA256 first 9 bytes, base64url>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MEMBER_REF_VALID_SECONDS = 24 * 3600;
const PATTERN = /^R([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([0-9a-z]{1,8})\.([A-Za-z0-9_-]{12})$/;

const keyOf = (secret: string) => createHmac('sha256', secret).update('loopmall pos member ref v1').digest();
const sign = (secret: string, body: string) => createHmac('sha256', keyOf(secret)).update(body).digest().subarray(0, 9).toString('base64url');

export function issueMemberRef(secret: string, memberId: number, storeId: number, now: Date): string {
  const body = `R${memberId.toString(36)}.${storeId.toString(36)}.${Math.floor(now.getTime() / 1000).toString(36)}`;
  return `${body}.${sign(secret, body)}`;
}

/** The member id, or null when the reference is forged, for another store or older than 24 h. */
export function verifyMemberRef(secret: string, ref: string, storeId: number, now: Date): number | null {
  const m = PATTERN.exec(ref);
  if (!m) return null;
  const expected = Buffer.from(sign(secret, `R${m[1]}.${m[2]}.${m[3]}`));
  const given = Buffer.from(m[4]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const age = Math.floor(now.getTime() / 1000) - parseInt(m[3], 36);
  if (parseInt(m[2], 36) !== storeId || age > MEMBER_REF_VALID_SECONDS || age < -60) return null;
  return parseInt(m[1], 36);
}
