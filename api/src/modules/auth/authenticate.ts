/**
 * The access rule of every route: public, shopper, or HQ with a set of roles. HQ roles are read
 * from the database on each request, so disabling an operator or changing a role takes effect at
 * once rather than when the token expires.
 */
import { AppError } from '../../http/app-error';
import type { Authenticator } from '../../http/api-router';
import type { AuthService } from './auth.service';
import { AUD_HQ, AUD_SHOPPER, type TokenService } from './tokens';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export function makeAuthenticator(tokens: TokenService, auth: AuthService): Authenticator {
  return async (ctx, access) => {
    if (access === 'public') return;
    const match = BEARER.exec(ctx.get('authorization'));
    if (!match) throw new AppError('UNAUTHENTICATED');
    const verified = await tokens.verify(match[1]);
    if (!verified.ok) throw new AppError(verified.reason === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    const { claims } = verified;

    if (access === 'shopper') {
      if (claims.aud !== AUD_SHOPPER) throw new AppError('FORBIDDEN', 'not a shopper token');
      ctx.state.principal = { kind: 'shopper', memberId: claims.memberId };
      return;
    }
    if (claims.aud !== AUD_HQ) throw new AppError('FORBIDDEN', 'not an HQ token');
    const admin = await auth.activeAdmin(claims.adminId);
    if (!admin) throw new AppError('UNAUTHENTICATED', 'HQ account disabled');
    if (!access.hq.includes(admin.role)) throw new AppError('FORBIDDEN', `role ${admin.role} may not do this`);
    // A store manager without a store (data repaired by hand) sees nothing rather than everything.
    if (admin.role === 'store_manager' && admin.storeId === null) throw new AppError('FORBIDDEN', 'store manager without a store');
    ctx.state.principal = { kind: 'hq', adminId: admin.id, username: admin.username, role: admin.role, storeId: admin.storeId };
  };
}
