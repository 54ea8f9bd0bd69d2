/** Shoppers (WeChat login) and HQ accounts: members, sessions, the authenticator every route uses. */
import { Foundation1795338000000 } from '../../db/migrations/1795338000000-foundation';
import { MemberNicknameIndex1796050000000 } from '../../db/migrations/1796050000000-member-search';
import { defineModule } from '../../platform/module';
import './auth.events';
import { HqAdmin, Member } from './auth.entities';
import { registerAuthRoutes } from './auth.routes';
import { AuthService } from './auth.service';
import { makeAuthenticator } from './authenticate';
import { MemberDirectory } from './member-directory';
import { TokenService } from './tokens';

export const authModule = defineModule({
  name: 'auth',
  entities: [Member, HqAdmin],
  // The foundation migration also created the catalogue's tables (it predates per-module migrations).
  migrations: [Foundation1795338000000, MemberNicknameIndex1796050000000],
  errors: { HQ_LOGIN_FAILED: 401, WECHAT_RISKY_USER: 403, WECHAT_RATE_LIMITED: 429, WECHAT_UNAVAILABLE: 502 },
  build(ctx) {
    const { config, now } = ctx;
    const tokens = new TokenService(config.SESSION_SECRET, { shopperSeconds: config.SESSION_TTL_SECONDS, hqSeconds: config.HQ_TOKEN_TTL_SECONDS }, now);
    const auth = new AuthService(ctx.ds, ctx.tx, ctx.wechat, tokens, ctx.outbox, now);
    ctx.routes((api) => registerAuthRoutes(api, auth, ctx.fakeWechat));
    return { auth, tokens, authenticator: makeAuthenticator(tokens, auth), members: new MemberDirectory(ctx.ds) };
  },
});
