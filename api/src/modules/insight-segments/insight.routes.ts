/** Member insight routes: the shopper's visit ping, and HQ's segments, members, thresholds, tags and pushes. */
import { HQ_OPERATORS, HQ_STORE_READERS, HQ_WIDE } from '@common/hq/roles';
import { Reply, type ApiRouter } from '../../http/api-router';
import { memberIdOf, storeScopeOf, type AppContext } from '../../http/context';
import type { StoreScope } from '../../platform/store-scope';
import type { InsightReads } from './insight.reads';
import { IdParams, ManualTagsBody, PushBody, PushListQuery, SegmentMembersQuery, ThresholdsBody } from './insight.schema';
import type { InsightSettings } from './insight.settings';
import type { SegmentPushes } from './segment-push';
import type { Visits } from './visits';

export interface InsightRouteDeps {
  visits: Visits;
  reads: InsightReads;
  settings: InsightSettings;
  pushes: SegmentPushes;
  scope: StoreScope;
}

const usernameOf = (ctx: AppContext) => (ctx.state.principal?.kind === 'hq' ? ctx.state.principal.username : '');

export function registerInsightRoutes(api: ApiRouter, d: InsightRouteDeps): void {
  api.route(
    { method: 'post', path: '/api/me/visit', tag: 'insight', summary: '记录今日访问（小程序回到前台时调用；每人每天最多写入一次）', access: 'shopper' },
    (ctx) => d.visits.record(memberIdOf(ctx)),
  );

  const readers = { hq: HQ_STORE_READERS };
  api.route(
    { method: 'get', path: '/api/hq/insight/segments', tag: 'hq', summary: '总部：会员 RFM 分群与行为标签分布（门店店长仅本店顾客）', access: readers },
    (ctx) => d.reads.distribution(storeScopeOf(ctx)),
  );
  api.route(
    { method: 'get', path: '/api/hq/insight/members', tag: 'hq', summary: '总部：按分群、规则标签或手动标签列出会员（分页；门店店长仅本店顾客）', access: readers, query: SegmentMembersQuery },
    (ctx, { query }) => d.reads.members(storeScopeOf(ctx), query, query.page, query.pageSize),
  );
  api.route(
    { method: 'get', path: '/api/hq/insight/members/:id', tag: 'hq', summary: '总部：会员的 RFM、分群与标签（门店店长仅本店顾客）', access: readers, params: IdParams },
    async (ctx, { params }) => d.reads.member(params.id, await d.scope.memberVisible(params.id, storeScopeOf(ctx))),
  );
  api.route(
    {
      method: 'put', path: '/api/hq/insight/members/:id/tags', tag: 'hq', summary: '总部：设置会员的手动标签（整体替换，最多 10 个）', access: { hq: HQ_OPERATORS }, params: IdParams, body: ManualTagsBody,
      audit: { objectType: 'member_tags', before: async ({ params }) => (await d.reads.manualTagsOf([params.id])).get(params.id) ?? [] },
    },
    async (ctx, { params, body }) => ({ memberId: params.id, manualTags: await d.reads.setManualTags(params.id, body.tags, usernameOf(ctx)) }),
  );
  api.route({ method: 'get', path: '/api/hq/insight/thresholds', tag: 'hq', summary: '总部：RFM 阈值（生效值、总部设置值与每晚计算的中位数）', access: { hq: HQ_WIDE } }, () => d.settings.dto());
  api.route(
    {
      method: 'put', path: '/api/hq/insight/thresholds', tag: 'hq', summary: '总部：设置 RFM 阈值（null 为跟随每晚中位数；保存后由任务重新评分）', access: { hq: HQ_OPERATORS }, body: ThresholdsBody,
      audit: { objectType: 'insight_thresholds', before: () => d.settings.dto() },
    },
    (_c, { body }) => d.settings.put({ recencyDays: body.recencyDays ?? null, frequency: body.frequency ?? null, monetaryFen: body.monetaryFen ?? null }),
  );
  api.route(
    {
      method: 'post', path: '/api/hq/insight/pushes', tag: 'hq', summary: '总部：向一个分群或标签的会员发券（同一批次号只发一次，每位会员一张）', access: { hq: HQ_OPERATORS }, body: PushBody, status: 201,
      audit: { objectType: 'segment_push' },
    },
    async (ctx, { body }) => {
      const { push, created } = await d.pushes.create(body, usernameOf(ctx));
      return created ? push : new Reply(push, 200, { 'Idempotent-Replayed': 'true' });
    },
  );
  api.route(
    { method: 'get', path: '/api/hq/insight/pushes', tag: 'hq', summary: '总部：分群发券记录（分页，新的在前；分群或标签、发送日期筛选；领取、使用与用券订单 GMV）', access: { hq: HQ_WIDE }, query: PushListQuery },
    (_c, { query }) => d.pushes.list(query),
  );
  api.route(
    { method: 'get', path: '/api/hq/insight/pushes/:id', tag: 'hq', summary: '总部：一次分群发券的领取、使用与用券订单 GMV', access: { hq: HQ_WIDE }, params: IdParams },
    (_c, { params }) => d.pushes.stats(params.id),
  );
}
