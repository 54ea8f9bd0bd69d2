/**
 * Signed, expiring session tokens (HS256 JWT). Shopper, HQ and guide (WeCom sidebar) tokens carry
 * different audiences, so a token of one kind is never accepted on another kind's routes.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import type { HqRole } from '@common/auth/types';

export const AUD_SHOPPER = 'loopmall:shopper';
export const AUD_HQ = 'loopmall:hq';
/** A guide signed in through WeCom's web login (the chat-toolbar sidebar). */
export const AUD_GUIDE = 'loopmall:guide';
const ISSUER = 'loopmall';

export type TokenClaims =
  | { aud: typeof AUD_SHOPPER; memberId: number }
  | { aud: typeof AUD_HQ; adminId: number; role: HqRole }
  | { aud: typeof AUD_GUIDE; guideId: number };

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'expired' | 'invalid' };

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttl: { shopperSeconds: number; hqSeconds: number; guideSeconds: number },
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const ttl = claims.aud === AUD_SHOPPER ? this.ttl.shopperSeconds : claims.aud === AUD_HQ ? this.ttl.hqSeconds : this.ttl.guideSeconds;
    const subject = claims.aud === AUD_SHOPPER ? claims.memberId : claims.aud === AUD_HQ ? claims.adminId : claims.guideId;
    const jwt = new SignJWT(claims.aud === AUD_HQ ? { role: claims.role } : {})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(claims.aud)
      .setSubject(String(subject))
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttl);
    return { token: await jwt.sign(this.key), expiresAt: new Date((issuedAt + ttl) * 1000) };
  }

  async verify(token: string): Promise<VerifyResult> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: this.now(),
      });
      const id = Number(payload.sub);
      if (!Number.isSafeInteger(id) || id < 1) return { ok: false, reason: 'invalid' };
      if (payload.aud === AUD_SHOPPER) return { ok: true, claims: { aud: AUD_SHOPPER, memberId: id } };
      if (payload.aud === AUD_HQ && typeof payload.role === 'string')
        return { ok: true, claims: { aud: AUD_HQ, adminId: id, role: payload.role as HqRole } };
      if (payload.aud === AUD_GUIDE) return { ok: true, claims: { aud: AUD_GUIDE, guideId: id } };
      return { ok: false, reason: 'invalid' };
    } catch (err) {
      return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
