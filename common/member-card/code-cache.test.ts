import { cacheOf, viewOf } from './code-cache';
import type { MemberCodeDto } from './types';

const T0 = Date.parse('2026-12-03T06:00:00Z');
const code = (issuedMs: number): MemberCodeDto => ({
  token: 'M7.abc.0123456789ab',
  issuedAt: new Date(issuedMs).toISOString(),
  refreshAt: new Date(issuedMs + 60_000).toISOString(),
  expiresAt: new Date(issuedMs + 120_000).toISOString(),
  serverNow: new Date(issuedMs).toISOString(),
});

describe('member code cache', () => {
  it('is live until the refresh time, then stale while the counter still accepts it, then gone', () => {
    const c = cacheOf(7, code(T0), T0);
    expect(viewOf(c, 7, T0 + 1_000)).toEqual({ kind: 'live', token: 'M7.abc.0123456789ab', refreshInMs: 59_000 });
    expect(viewOf(c, 7, T0 + 90_000)).toEqual({ kind: 'stale', token: 'M7.abc.0123456789ab', validForMs: 30_000 });
    expect(viewOf(c, 7, T0 + 116_000)).toEqual({ kind: 'none' });
  });

  it("never shows another member's token, or nothing stored", () => {
    expect(viewOf(cacheOf(7, code(T0), T0), 8, T0)).toEqual({ kind: 'none' });
    expect(viewOf(null, 7, T0)).toEqual({ kind: 'none' });
  });

  it('judges by the server clock when the phone clock is wrong', () => {
    // The phone runs 10 minutes slow: by its clock the token would look fresh for 10 more minutes.
    const slow = T0 - 600_000;
    const c = cacheOf(7, code(T0), slow);
    expect(c.skewMs).toBe(600_000);
    expect(viewOf(c, 7, slow + 130_000)).toEqual({ kind: 'none' });
    expect(viewOf(c, 7, slow + 30_000)).toMatchObject({ kind: 'live', refreshInMs: 30_000 });
  });
});
