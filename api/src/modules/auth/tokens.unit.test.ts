/** TokenService remembers verified tokens: the answer must be what a fresh verification gives. */
import { AUD_HQ, AUD_SHOPPER, TokenService } from './tokens';

describe('TokenService', () => {
  let nowMs = Date.parse('2026-12-03T08:00:00Z');
  const service = () => new TokenService('a-session-secret-of-enough-length', { shopperSeconds: 60, hqSeconds: 30, guideSeconds: 30 }, () => new Date(nowMs));

  it('answers a remembered token the same claims, and expired at exp exactly as jose does', async () => {
    const tokens = service();
    const { token } = await tokens.issue({ aud: AUD_SHOPPER, memberId: 7 });
    const fresh = new TokenService('a-session-secret-of-enough-length', { shopperSeconds: 60, hqSeconds: 30, guideSeconds: 30 }, () => new Date(nowMs));
    expect(await tokens.verify(token)).toEqual({ ok: true, claims: { aud: AUD_SHOPPER, memberId: 7 } });
    expect(await tokens.verify(token)).toEqual(await fresh.verify(token));
    nowMs += 59_999;
    expect(await tokens.verify(token)).toEqual({ ok: true, claims: { aud: AUD_SHOPPER, memberId: 7 } });
    nowMs += 1;
    // The remembered answer and a fresh verification agree at the boundary.
    expect(await fresh.verify(token)).toEqual({ ok: false, reason: 'expired' });
    expect(await tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
    expect(await tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('never remembers a forged token, even after its genuine twin was verified', async () => {
    const tokens = service();
    const { token } = await tokens.issue({ aud: AUD_HQ, adminId: 3, role: 'owner' });
    expect((await tokens.verify(token)).ok).toBe(true);
    const [head, body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = [head, Buffer.from(JSON.stringify({ ...claims, sub: '4' })).toString('base64url'), sig].join('.');
    expect(await tokens.verify(forged)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.verify(forged)).toEqual({ ok: false, reason: 'invalid' });
    const otherSecret = new TokenService('another-secret-entirely-here', { shopperSeconds: 60, hqSeconds: 30, guideSeconds: 30 }, () => new Date(nowMs));
    expect(await otherSecret.verify(token)).toEqual({ ok: false, reason: 'invalid' });
  });
});
