/**
 * Signed, expiring session tokens (HS256 JWT). Shopper, HQ and guide (WeCom sidebar) tokens carry
 * different audiences, so a token of one kind is never accepted on another kind's routes.
 *
 * A verified token is remembered until it expires: a token's claims are fixed by its signature,
 * so checking it again on every request of a session only repeats the HMAC (and, with a raw
 * secret, a WebCrypto key import each time: about a tenth of an order's API time in bench:orders).
 * Revocation never relied on the token: HQ accounts and guides are read on each request.
 */
import { webcrypto } from 'node:crypto';
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

/** How many verified tokens each process remembers; the oldest is forgotten first. */
const REMEMBERED = 10_000;

type Verified = { claims: TokenClaims; expSeconds: number };

export class TokenService {
  private readonly key: Promise<webcrypto.CryptoKey>;
  private readonly verified = new Map<string, Verified>();

  constructor(
    secret: string,
    private readonly ttl: { shopperSeconds: number; hqSeconds: number; guideSeconds: number },
    private readonly now: () => Date = () => new Date(),
  ) {
    // Imported once: jose imports a raw secret again on every sign and verify.
    this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
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
    return { token: await jwt.sign(await this.key), expiresAt: new Date((issuedAt + ttl) * 1000) };
  }

  async verify(token: string): Promise<VerifyResult> {
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    const known = this.verified.get(token);
    if (known) {
      // jose's own rule: expired once exp <= now (no clock tolerance is configured).
      if (known.expSeconds > nowSeconds) return { ok: true, claims: known.claims };
      this.verified.delete(token);
      return { ok: false, reason: 'expired' };
    }
    const result = await this.verifySignature(token);
    if (result.ok) this.remember(token, result);
    return result.ok ? { ok: true, claims: result.claims } : result;
  }

  private remember(token: string, v: Verified): void {
    if (this.verified.size >= REMEMBERED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, v);
  }

  private async verifySignature(token: string): Promise<({ ok: true } & Verified) | { ok: false; reason: 'expired' | 'invalid' }> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: this.now(),
      });
      const id = Number(payload.sub);
      const expSeconds = payload.exp;
      if (!Number.isSafeInteger(id) || id < 1 || typeof expSeconds !== 'number') return { ok: false, reason: 'invalid' };
      if (payload.aud === AUD_SHOPPER) return { ok: true, expSeconds, claims: { aud: AUD_SHOPPER, memberId: id } };
      if (payload.aud === AUD_HQ && typeof payload.role === 'string')
        return { ok: true, expSeconds, claims: { aud: AUD_HQ, adminId: id, role: payload.role as HqRole } };
      if (payload.aud === AUD_GUIDE) return { ok: true, expSeconds, claims: { aud: AUD_GUIDE, guideId: id } };
      return { ok: false, reason: 'invalid' };
    } catch (err) {
      return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
