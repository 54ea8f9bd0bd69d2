/**
 * The 会员码 page's decisions about the token it holds, pure so they are tested without a page:
 * which token to show (the fresh one, the last stored one while the counter still accepts it,
 * or none), and when to fetch the next. Times are milliseconds on the phone's clock; `skewMs`
 * (server minus phone, measured at the last answer) keeps a wrong phone clock from showing a
 * token the counter already refuses.
 */
import type { MemberCodeDto } from './types';

export interface CachedCode {
  memberId: number;
  code: MemberCodeDto;
  /** Server clock minus phone clock when the code arrived. */
  skewMs: number;
}

export type CodeView =
  | { kind: 'live'; token: string; refreshInMs: number }
  /** Offline (or the server failed): the last token, still accepted for `validForMs`. */
  | { kind: 'stale'; token: string; validForMs: number }
  | { kind: 'none' };

/** What to show from the stored code at `phoneNow`, for this member. */
export function viewOf(cached: CachedCode | null, memberId: number, phoneNow: number): CodeView {
  if (!cached || cached.memberId !== memberId) return { kind: 'none' };
  const serverNow = phoneNow + cached.skewMs;
  const expires = Date.parse(cached.code.expiresAt);
  const refresh = Date.parse(cached.code.refreshAt);
  // A little margin: the cashier needs a few seconds to scan.
  if (serverNow >= expires - 5_000) return { kind: 'none' };
  if (serverNow < refresh) return { kind: 'live', token: cached.code.token, refreshInMs: refresh - serverNow };
  return { kind: 'stale', token: cached.code.token, validForMs: expires - serverNow };
}

/** The stored form of a code just fetched. */
export function cacheOf(memberId: number, code: MemberCodeDto, phoneNow: number): CachedCode {
  return { memberId, code, skewMs: Date.parse(code.serverNow) - phoneNow };
}

/** Retry after a failed fetch: soon while a stale token still shows, a bit later once none does. */
export const RETRY_MS = 10_000;
