/** Shoppers (WeChat login) and HQ accounts: members, sessions, the authenticator every route uses. */
import { Foundation1795338000000 } from '../../db/migrations/1795338000000-foundation';
import { HqConsole1796010000000 } from '../../db/migrations/1796010000000-hq-console';
import { MemberNicknameIndex1796050000000 } from '../../db/migrations/1796050000000-member-search';
import { defineModule } from '../../platform/module';
import './auth.events';
import { HqAdmin, HqLoginFailure, Member } from './auth.entities';
import { registerAuthRoutes } from './auth.routes';
import { AuthService } from './auth.service';
import { type GuideSessionCheck, makeAuthenticator } from './authenticate';
import { MemberDirectory } from './member-directory';
import { HqAccounts } from './hq-accounts';
import { TokenService } from './tokens';

export const authModule = defineModule({
  name: 'auth',
  entities: [Member, HqAdmin, HqLoginFailure],
  // The foundation migration also created the catalogue's tables (it predates per-module migrations).
  migrations: [Foundation1795338000000, HqConsole1796010000000, MemberNicknameIndex1796050000000],
  errors: { HQ_LOGIN_FAILED: 401, HQ_LOGIN_LOCKED: 423, HQ_LOGIN_RATE_LIMITED: 429, HQ_ACCOUNT_NOT_FOUND: 404, HQ_USERNAME_TAKEN: 409, HQ_ACCOUNT_SELF: 409, HQ_STORE_REQUIRED: 400, HQ_STORE_NOT_FOUND: 400, WECHAT_RISKY_USER: 403, WECHAT_RATE_LIMITED: 429, WECHAT_UNAVAILABLE: 502 },
  build(ctx) {
    const { config, now } = ctx;
    const tokens = new TokenService(config.SESSION_SECRET, { shopperSeconds: config.SESSION_TTL_SECONDS, hqSeconds: config.HQ_TOKEN_TTL_SECONDS, guideSeconds: config.GUIDE_TOKEN_TTL_SECONDS }, now);
    const auth = new AuthService(ctx.ds, ctx.tx, ctx.wechat, tokens, ctx.outbox, now);
    ctx.routes((api) => registerAuthRoutes(api, auth, ctx.fakeWechat));
    // Guide sessions (the WeCom sidebar): the module that knows guides says who is still active.
    const guideSessions: GuideSessionCheck = { isActiveGuide: null };
    return { auth, tokens, guideSessions, authenticator: makeAuthenticator(tokens, auth, guideSessions), hqAccounts: new HqAccounts(ctx.ds, ctx.tx, now), members: new MemberDirectory(ctx.ds) };
  },
});
