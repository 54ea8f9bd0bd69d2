/** The sidebar's routes (the list with answers is in common/sidebar/types.ts) and HQ's group routes. */
import type { ApiRouter } from '../../http/api-router';
import { AppError } from '../../http/app-error';
import { type AppContext, storeScopeOf } from '../../http/context';
import type { WebLoginSubject } from '../../wecom/fake-wecom';
import type { JobRun } from '../jobs';
import type { GroupViews } from './group-views';
import { GROUP_SYNC_JOB } from './group-sync';
import { ChatParams, ContactParams, DevCodeBody, HqGroupsQuery, JssdkBody, KindBody, LoginBody, NoteBody, OutcomeBody, PeriodQuery, SendBody, SendIdParams, TargetsQuery } from './sidebar.schema';
import type { SidebarProfiles } from './sidebar.profile';
import type { SidebarSends } from './sidebar.sends';
import type { SidebarSessions } from './sidebar.session';
import { HQ_OPERATORS, HQ_STORE_READERS } from '@common/hq/roles';

export interface SidebarServices {
  sessions: SidebarSessions;
  profiles: SidebarProfiles;
  groups: GroupViews;
  sends: SidebarSends;
  /** Runs the group sync job now, under its lease. */
  runSync(): Promise<JobRun>;
}

// Operators manage WeCom groups chain-wide; every HQ role reads, a store manager only the groups
// whose owner is one of their store's guides (another store's group is a 404).
const manage = { hq: HQ_OPERATORS };
const read = { hq: HQ_STORE_READERS };
const tag = 'sidebar';

export function guideIdOf(ctx: AppContext): number {
  const p = ctx.state.principal;
  if (p?.kind !== 'guide') throw new AppError('UNAUTHENTICATED');
  return p.guideId;
}

/** The public origin the page reached us by (behind a proxy: X-Forwarded-Proto/Host, app.proxy is on). */
const originOf = (ctx: AppContext) => `${ctx.protocol}://${ctx.host}`;

/** A day range in Asia/Shanghai as UTC instants: [from 00:00 +08:00, to+1 00:00 +08:00). */
const period = (q: { from: string; to: string }) => ({ from: new Date(`${q.from}T00:00:00+08:00`), to: new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 24 * 3600_000) });

export function registerSidebarRoutes(api: ApiRouter, s: SidebarServices, mintLoginCode: ((who: WebLoginSubject) => Promise<string>) | null): void {
  // --- identity ---
  api.route({ method: 'get', path: '/api/sidebar/oauth-config', tag, summary: '侧边栏：企业微信网页授权参数', access: 'public' }, async () => s.sessions.oauthConfig());
  api.route({ method: 'post', path: '/api/sidebar/login', tag, summary: '侧边栏：企业微信网页授权 code 登录为导购', access: 'public', body: LoginBody }, (_c, { body }) => s.sessions.login(body.code));
  if (mintLoginCode) {
    // Development only (absent unless the fake WeCom runs): the code WeCom's OAuth redirect would give.
    api.route({ method: 'post', path: '/api/sidebar/dev-code', tag, summary: '开发环境：模拟企业微信网页授权获取 code', access: 'public', body: DevCodeBody }, async (_c, { body }) => ({
      code: await mintLoginCode(body),
    }));
  }
  api.route({ method: 'get', path: '/api/sidebar/me', tag, summary: '侧边栏：当前导购', access: 'guide' }, (ctx) => s.sessions.me(guideIdOf(ctx)));
  api.route({ method: 'post', path: '/api/sidebar/jssdk-config', tag, summary: '侧边栏：ww.register 的企业与应用签名', access: 'guide', body: JssdkBody }, (_c, { body }) =>
    s.sessions.jssdkConfig(body.url),
  );

  // --- one-to-one chat ---
  api.route({ method: 'get', path: '/api/sidebar/contacts/:externalUserId', tag, summary: '侧边栏：单聊客户画像', access: 'guide', params: ContactParams }, async (ctx, { params }) =>
    s.profiles.profile(await s.sessions.activeGuide(guideIdOf(ctx)), params.externalUserId),
  );
  api.route(
    { method: 'post', path: '/api/sidebar/contacts/:externalUserId/notes', tag, summary: '侧边栏：为客户添加我的备注', access: 'guide', params: ContactParams, body: NoteBody, status: 201 },
    async (ctx, { params, body }) => s.profiles.addNote(await s.sessions.activeGuide(guideIdOf(ctx)), params.externalUserId, body.text),
  );

  // --- group chat ---
  api.route({ method: 'get', path: '/api/sidebar/groups/:chatId', tag, summary: '侧边栏：客户群概览', access: 'guide', params: ChatParams }, async (ctx, { params }) =>
    s.groups.view(await s.sessions.activeGuide(guideIdOf(ctx)), params.chatId),
  );

  // --- send ---
  api.route({ method: 'get', path: '/api/sidebar/targets', tag, summary: '侧边栏：可发送的商品、拼团、优惠券与新人礼', access: 'guide', query: TargetsQuery }, (ctx, { query }) =>
    s.sends.targets(query, originOf(ctx)),
  );
  api.route({ method: 'post', path: '/api/sidebar/sends', tag, summary: '侧边栏：记录一次发送并给出 sendChatMessage 参数', access: 'guide', body: SendBody, status: 201 }, (ctx, { body }) =>
    s.sends.send(guideIdOf(ctx), body, originOf(ctx)),
  );
  api.route({ method: 'put', path: '/api/sidebar/sends/:id/outcome', tag, summary: '侧边栏：回报 sendChatMessage 的结果', access: 'guide', params: SendIdParams, body: OutcomeBody }, (ctx, { params, body }) =>
    s.sends.settle(guideIdOf(ctx), params.id, body),
  );

  // --- HQ ---
  api.route({ method: 'get', path: '/api/hq/wecom-groups', tag, summary: '企业微信客户群列表（群主导购、类型、人数）', access: read, query: HqGroupsQuery }, async (ctx, { query }) =>
    s.groups.hqList(query, await s.groups.ownersInScope(storeScopeOf(ctx))),
  );
  api.route({ method: 'post', path: '/api/hq/wecom-groups/sync', tag, summary: '立即从企业微信同步客户群', access: manage }, async () => {
    const run = await s.runSync();
    if (run.error) throw new AppError('WECHAT_UNAVAILABLE', run.error);
    if (!run.ran) throw new AppError('SIDEBAR_SYNC_BUSY', run.skipped);
    return run.result;
  });
  api.route({ method: 'put', path: '/api/hq/wecom-groups/:chatId/kind', tag, summary: '设置客户群类型（快闪群/会员群/VIP群）', access: manage, params: ChatParams, body: KindBody }, (_c, { params, body }) =>
    s.groups.setKind(params.chatId, body.kind),
  );
  api.route({ method: 'get', path: '/api/hq/wecom-groups/:chatId/report', tag, summary: '客户群报表：发送、触达、订单与 GMV', access: read, params: ChatParams, query: PeriodQuery }, async (ctx, { params, query }) =>
    s.groups.report(params.chatId, period(query), await s.groups.ownersInScope(storeScopeOf(ctx))),
  );
}

export { GROUP_SYNC_JOB };
