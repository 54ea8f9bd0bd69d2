import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HQ_ROLES } from '@common/auth/types';
import { AppError } from '../../http/app-error';
import type { ApiRouter } from '../../http/api-router';
import { memberIdOf } from '../../http/context';
import type { FakeWeChatHandle } from '../../wechat/fake-wechat';
import { LoginRefused } from './login-guard';
import { toMemberDto, type AuthService } from './auth.service';

const WeChatLoginBody = z.strictObject({
  code: z.string().trim().min(1).max(128),
  /** The `t` parameter of the share path the shopper arrived by (a referral's evidence). */
  shareToken: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional(),
});
const DevCodeBody = z.strictObject({ deviceId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional() });
const HqLoginBody = z.strictObject({ username: z.string().trim().min(1).max(32), password: z.string().min(1).max(128) });

export function registerAuthRoutes(api: ApiRouter, auth: AuthService, fake: FakeWeChatHandle | null): void {
  api.route(
    { method: 'post', path: '/api/auth/wechat-login', tag: 'auth', summary: '小程序登录：用 wx.login 的 code 换取会话', access: 'public', body: WeChatLoginBody, rateLimit: 'memberLogin' },
    (_ctx, { body }) => auth.shopperLogin(body.code, body.shareToken ?? null),
  );

  api.route({ method: 'get', path: '/api/me', tag: 'auth', summary: '当前会员', access: 'shopper' }, async (ctx) => {
    const member = await auth.memberById(memberIdOf(ctx));
    if (!member) throw new AppError('UNAUTHENTICATED', 'member no longer exists');
    return toMemberDto(member);
  });

  api.route(
    { method: 'post', path: '/api/hq/auth/login', tag: 'hq', summary: '总部账号登录', access: 'public', body: HqLoginBody, rateLimit: 'hqLogin' },
    async (ctx, { body }) => {
      try {
        return await auth.hqLogin(body.username, body.password, ctx.ip);
      } catch (err) {
        if (err instanceof LoginRefused) ctx.set('Retry-After', String(err.retryAfterSeconds));
        throw err;
      }
    },
  );

  api.route({ method: 'get', path: '/api/hq/me', tag: 'hq', summary: '当前总部账号', access: { hq: HQ_ROLES } }, async (ctx) => {
    const p = ctx.state.principal;
    return p?.kind === 'hq' ? { id: p.adminId, username: p.username, role: p.role, storeId: p.storeId } : null;
  });

  if (fake) {
    // Development only (the route does not exist when the fake WeChat is off, as in production):
    // the H5 build has no wx.login, so it asks the fake for the code wx.login would have given,
    // then logs in through the real /api/auth/wechat-login path and the real WeChat client.
    api.route(
      { method: 'post', path: '/api/auth/dev-code', tag: 'auth', summary: '开发环境：H5 模拟 wx.login 获取 code', access: 'public', body: DevCodeBody },
      async (_ctx, { body }) => {
        const device = body.deviceId ?? randomUUID();
        const openid = `dev_${createHash('sha256').update(device).digest('base64url').slice(0, 24)}`;
        return { code: await fake.mintCode(openid) };
      },
    );
  }
}
