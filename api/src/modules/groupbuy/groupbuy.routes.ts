import { z } from 'zod';
import type { HqRole } from '@common/auth/types';
import { HQ_OPERATORS, HQ_WIDE } from '@common/hq/roles';
import { PER_SHOPPER_LIMIT_MAX } from '@common/groupbuy/rules';
import { Reply, type ApiRouter } from '../../http/api-router';
import { zs } from '../../http/validate';
import { memberIdOf } from '../../http/context';
import type { GroupBuy } from './groupbuy.module';
import { parseIdempotencyKey } from '../orders';
import { CampaignBody, CampaignGroupsQuery, CampaignListQuery, CampaignPatchBody, IdParams } from './groupbuy.schema';

const JoinBody = z.strictObject({
  campaignId: zs.bodyId(),
  /** Omitted: open a new group as its leader. */
  groupId: zs.bodyId().optional(),
  quantity: z.number().int().min(1).max(PER_SHOPPER_LIMIT_MAX),
  addressId: zs.bodyId(),
});



const EDITORS = HQ_OPERATORS;
const hq = (roles: readonly HqRole[]) => ({ hq: roles });


export function registerGroupBuyRoutes(api: ApiRouter, { admin, reads, gate, posters }: GroupBuy): void {
  // HQ: campaigns, with sold / held / left.
  api.route({ method: 'get', path: '/api/hq/groupbuy/campaigns', tag: 'hq', summary: '总部：拼团活动列表（分页；状态、标题、开始日期筛选；已售/待支付/剩余）', access: hq(HQ_WIDE), query: CampaignListQuery }, (_ctx, { query }) =>
    admin.list(query),
  );
  api.route({ method: 'get', path: '/api/hq/groupbuy/campaigns/:id', tag: 'hq', summary: '总部：拼团活动详情', access: hq(HQ_WIDE), params: IdParams }, (_ctx, { params }) =>
    admin.get(params.id),
  );
  api.route(
    { method: 'get', path: '/api/hq/groupbuy/campaigns/:id/groups', tag: 'hq', summary: '总部：活动的团与名额（可按状态筛选）', access: hq(HQ_WIDE), params: IdParams, query: CampaignGroupsQuery },
    (_ctx, { params, query }) => reads.hqGroups(params.id, query),
  );
  api.route(
    { method: 'post', path: '/api/hq/groupbuy/campaigns', tag: 'hq', summary: '总部：创建拼团活动（草稿；时间为北京时间）', access: hq(EDITORS), body: CampaignBody, status: 201 },
    (_ctx, { body }) => admin.create(body),
  );
  api.route(
    { method: 'patch', path: '/api/hq/groupbuy/campaigns/:id', tag: 'hq', summary: '总部：修改拼团活动（排期后仅标题、结束时间、限购与库存增减）', access: hq(EDITORS), params: IdParams, body: CampaignPatchBody, audit: { before: ({ params }) => admin.get(params.id) } },
    (_ctx, { params, body }) => admin.update(params.id, body),
  );
  api.route(
    { method: 'post', path: '/api/hq/groupbuy/campaigns/:id/schedule', tag: 'hq', summary: '总部：发布活动（从商品库存划出活动库存）', access: hq(EDITORS), params: IdParams, audit: { before: ({ params }) => admin.get(params.id) } },
    (_ctx, { params }) => admin.schedule(params.id),
  );
  api.route(
    { method: 'post', path: '/api/hq/groupbuy/campaigns/:id/end', tag: 'hq', summary: '总部：提前结束活动（未成团的团失败退款，剩余库存退回商品）', access: hq(EDITORS), params: IdParams, audit: { before: ({ params }) => admin.get(params.id) } },
    (_ctx, { params }) => admin.end(params.id),
  );

  // Shoppers.
  api.route({ method: 'get', path: '/api/groupbuy/campaigns', tag: 'groupbuy', summary: '首页拼团秒杀条：未结束的活动', access: 'public' }, () => reads.current());
  api.route(
    { method: 'get', path: '/api/groupbuy/campaigns/:id', tag: 'groupbuy', summary: '活动页：拼团价、等待成团的团、服务器时间', access: 'shopper', params: IdParams },
    (ctx, { params }) => reads.campaignPage(params.id, memberIdOf(ctx)),
  );
  api.route(
    { method: 'get', path: '/api/groupbuy/groups/:id', tag: 'groupbuy', summary: '团页：真实成员、剩余名额、倒计时', access: 'shopper', params: IdParams },
    (ctx, { params }) => reads.groupPage(params.id, memberIdOf(ctx)),
  );
  api.route(
    {
      method: 'post',
      path: '/api/groupbuy/join',
      tag: 'groupbuy',
      summary: '开团或参团：占一个名额并生成待付款的拼团订单（未开始、已结束、已抢光时直接拒绝，不查库）',
      access: 'shopper',
      body: JoinBody,
      status: 201,
      rateLimit: 'groupbuyJoin',
    },
    async (ctx, { body }) => {
      const placed = await gate.join(memberIdOf(ctx), body, parseIdempotencyKey(ctx.headers['idempotency-key']));
      const data = { ...placed.order, groupId: placed.groupId };
      return placed.created ? data : new Reply(data, 200, { 'Idempotent-Replayed': 'true' });
    },
  );
  api.route(
    { method: 'get', path: '/api/groupbuy/groups/:id/poster', tag: 'groupbuy', summary: '团海报的小程序码（getwxacodeunlimit）', access: 'shopper', params: IdParams },
    async (ctx, { params }) => {
      await reads.groupPage(params.id, memberIdOf(ctx));
      return posters.codeFor(params.id);
    },
  );
  api.route({ method: 'get', path: '/api/groupbuy/mine', tag: 'groupbuy', summary: '我的拼团', access: 'shopper' }, (ctx) => reads.mine(memberIdOf(ctx)));
}
