/** Points and membership routes: a shopper's own card, 积分明细, 签到 and birthday; HQ's settings, adjustments and report. */
import type { HqRole } from '@common/auth/types';
import { HQ_OPERATORS, HQ_STORE_READERS, HQ_WIDE } from '@common/hq/roles';
import type { MembershipSettings } from '@common/membership/settings';
import type { ApiRouter } from '../../http/api-router';
import { AppError } from '../../http/app-error';
import { memberIdOf, storeScopeOf, type AppContext } from '../../http/context';
import type { StoreScope } from '../../platform/store-scope';
import type { MemberProfiles } from '../membership';
import type { MembershipSettingsService } from '../membership';
import { parseIdempotencyKey } from '../orders';
import type { PointsAdmin } from './points.admin';
import type { PointsReads } from './points.query';
import { AdjustBody, BirthdayBody, ConsistencyQuery, LedgerQuery, MemberIdParams, SettingsBody, SigninQuery } from './points.schema';
import type { SigninService } from './signin.service';

const EDITORS = HQ_OPERATORS;
const hq = (roles: readonly HqRole[]) => ({ hq: roles });
const adminIdOf = (ctx: AppContext) => (ctx.state.principal?.kind === 'hq' ? ctx.state.principal.adminId : 0);

export interface PointsRouteDeps {
  reads: PointsReads;
  signin: SigninService;
  admin: PointsAdmin;
  profiles: MemberProfiles;
  settings: MembershipSettingsService;
}

export function registerPointsRoutes(api: ApiRouter, d: PointsRouteDeps, scope: StoreScope): void {
  /** Another store's customer is a 404 to a store manager, the answer for a member who does not exist. */
  const requireVisible = async (ctx: AppContext, memberId: number) => {
    if (!(await scope.memberVisible(memberId, storeScopeOf(ctx)))) throw new AppError('MEMBER_NOT_FOUND', `member ${memberId}`);
  };
  const card = async (memberId: number) => d.profiles.card(memberId, await d.reads.summary(memberId));

  api.route({ method: 'get', path: '/api/membership/card', tag: 'points', summary: '我的：会员卡（等级、成长值、权益）与积分', access: 'shopper' }, (ctx) => card(memberIdOf(ctx)));
  api.route(
    { method: 'put', path: '/api/membership/birthday', tag: 'points', summary: '填写生日（仅一次，之后不可修改）', access: 'shopper', body: BirthdayBody },
    async (ctx, { body }) => {
      await d.profiles.setBirthday(memberIdOf(ctx), body.birthday);
      return card(memberIdOf(ctx));
    },
  );
  api.route(
    { method: 'get', path: '/api/points/ledger', tag: 'points', summary: '积分明细（本人，分页）', access: 'shopper', query: LedgerQuery },
    (ctx, { query }) => d.reads.ledger(memberIdOf(ctx), query.page, query.pageSize),
  );
  api.route(
    { method: 'get', path: '/api/points/signin', tag: 'points', summary: '签到日历与连续天数', access: 'shopper', query: SigninQuery },
    (ctx, { query }) => d.signin.status(memberIdOf(ctx), query.month),
  );
  api.route({ method: 'post', path: '/api/points/signin', tag: 'points', summary: '今日签到（每天一次）', access: 'shopper', status: 201 }, (ctx) => d.signin.signIn(memberIdOf(ctx)));

  // --- HQ ---
  api.route({ method: 'get', path: '/api/hq/membership/settings', tag: 'hq', summary: '总部：会员等级与积分规则', access: hq(HQ_WIDE) }, () => d.settings.get());
  api.route(
    { method: 'put', path: '/api/hq/membership/settings', tag: 'hq', summary: '总部：修改会员等级与积分规则', access: hq(EDITORS), body: SettingsBody, audit: { before: () => d.settings.get() } },
    (ctx, { body }) => d.settings.put(body as MembershipSettings, adminIdOf(ctx)),
  );
  api.route(
    { method: 'get', path: '/api/hq/membership/members/:id', tag: 'hq', summary: '总部：会员等级、积分与等级变更记录（门店店长仅本店顾客）', access: hq(HQ_STORE_READERS), params: MemberIdParams },
    async (ctx, { params }) => {
      await requireVisible(ctx, params.id);
      return { card: await card(params.id), tierLog: await d.profiles.tierLog(params.id) };
    },
  );
  api.route(
    { method: 'get', path: '/api/hq/points/members/:id/ledger', tag: 'hq', summary: '总部：会员积分明细（门店店长仅本店顾客）', access: hq(HQ_STORE_READERS), params: MemberIdParams, query: LedgerQuery },
    async (ctx, { params, query }) => {
      await requireVisible(ctx, params.id);
      return d.reads.ledger(params.id, query.page, query.pageSize);
    },
  );
  api.route(
    { method: 'post', path: '/api/hq/points/grant', tag: 'hq', summary: '总部：发放积分（须填原因，记录操作人；Idempotency-Key 可选）', access: hq(EDITORS), body: AdjustBody, status: 201 },
    (ctx, { body }) => d.admin.grant(adminIdOf(ctx), { ...body, requestKey: parseIdempotencyKey(ctx.headers['idempotency-key']) ?? undefined }),
  );
  api.route(
    { method: 'post', path: '/api/hq/points/deduct', tag: 'hq', summary: '总部：扣减积分（须填原因，记录操作人；不足时 409）', access: hq(EDITORS), body: AdjustBody, status: 201 },
    (ctx, { body }) => d.admin.deduct(adminIdOf(ctx), { ...body, requestKey: parseIdempotencyKey(ctx.headers['idempotency-key']) ?? undefined }),
  );
  api.route(
    { method: 'get', path: '/api/hq/points/consistency', tag: 'hq', summary: '总部：积分对账（按会员分页，每页至多 500 个账户：余额 = 流水之和 = 批次之和；可只看不一致的）', access: hq(HQ_WIDE), query: ConsistencyQuery },
    (_c, { query }) => d.reads.consistency(query),
  );
}
