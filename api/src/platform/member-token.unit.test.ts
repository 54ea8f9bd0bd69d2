import { issueMemberToken, verifyMemberToken, MEMBER_TOKEN_VALID_SECONDS } from './member-token';

const secret = 'test-secret';
const t0 = new Date('2026-12-03T08:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('member token (会员码)', () => {
  const issued = issueMemberToken(secret, 123456, t0);

  it('names the member and is short enough for a barcode', () => {
    expect(issued.token.length).toBeLessThanOrEqual(32);
    expect(verifyMemberToken(secret, issued.token, at(1))).toEqual({ ok: true, memberId: 123456, issuedAt: t0 });
    expect(issued.refreshAt.getTime() - t0.getTime()).toBe(60_000);
    expect(issued.expiresAt.getTime() - t0.getTime()).toBe(120_000);
  });

  it.each([
    [0, true],
    [MEMBER_TOKEN_VALID_SECONDS, true],
    [MEMBER_TOKEN_VALID_SECONDS + 1, false],
    [-30, true],
    [-31, false],
  ])('at %i s after issue accepted=%s', (seconds, ok) => {
    const check = verifyMemberToken(secret, issued.token, at(seconds));
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.reason).toBe('EXPIRED');
  });

  it('refuses another key, a changed member id and garbage', () => {
    expect(verifyMemberToken('other', issued.token, t0)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const forged = issued.token.replace(/^M[0-9a-z]+/, `M${(123457).toString(36)}`);
    expect(verifyMemberToken(secret, forged, t0)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    for (const bad of ['', 'M1', 'x'.repeat(500), `${issued.token} `, 'M0.0.AAAAAAAAAAAA']) {
      expect(verifyMemberToken(secret, bad, t0).ok).toBe(false);
    }
  });
});
