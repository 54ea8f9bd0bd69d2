import type { ApiRouter } from '../../http/api-router';
import { HQ_FINANCE, HQ_OPERATORS, HQ_OWNER, HQ_STORE_READERS, HQ_WIDE } from '@common/hq/roles';
import { AppError } from '../../http/app-error';
import { memberIdOf, storeScopeOf, type AppContext } from '../../http/context';
import type { AttributionService } from './attribution.service';
import type { CommissionService } from './commission.service';
import type { GuidePosters } from './guide-posters';
import type { GuidesAdmin } from './guides.admin';
import type { GuidesReports } from './guides.reports';
import { AddTapBody, DefaultGuideBody, GuideBody, GuideListQuery, IdParams, LeaveBody, LinkBody, PeriodQuery, PromptBody, RateBody, ReassignBody, RuleBody, StoreBody, StoreListQuery, TouchBody } from './guides.schema';
import type { GuidesShopper } from './guides.shopper';
import type { GuidesWorkbench } from './guides.workbench';
import type { RuleSets } from './rule-sets';
import type { TouchService } from './touches.service';
import type { WecomService } from './wecom.service';

export interface GuideServices {
  admin: GuidesAdmin;
  shopper: GuidesShopper;
  workbench: GuidesWorkbench;
  posters: GuidePosters;
  touches: TouchService;
  attribution: AttributionService;
  commission: CommissionService;
  reports: GuidesReports;
  rules: RuleSets;
  wecom: WecomService;
}

const manage = { hq: HQ_OPERATORS };
/** Store-scoped reads: a 门店店长 gets their own store's rows only, and 404 for another store's. */
const read = { hq: HQ_STORE_READERS };
const wide = { hq: HQ_WIDE };
const actorOf = (ctx: AppContext) => (ctx.state.principal?.kind === 'hq' ? ctx.state.principal.username : 'unknown');
/** A day range in Asia/Shanghai as UTC instants: [from 00:00 +08:00, to+1 00:00 +08:00). */
const period = (q: { from: string; to: string }) => ({ from: new Date(`${q.from}T00:00:00+08:00`), to: new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 24 * 3600_000) });

/** The one store a store manager may ask about; any other is a 404 (never the data). */
const inScope = (ctx: AppContext, storeId: number | null | undefined) => {
  const scope = storeScopeOf(ctx);
  return scope === null || storeId === scope;
};

export function registerGuideRoutes(api: ApiRouter, s: GuideServices): void {
  const requireGuideInScope = async (ctx: AppContext, guideId: number) => {
    if (!inScope(ctx, await s.admin.storeOfGuide(guideId))) throw new AppError('GUIDE_NOT_FOUND');
  };
  // --- shopper ---
  api.route({ method: 'post', path: '/api/guides/touch', tag: 'guides', summary: '记录分享卡片的打开（无效令牌被忽略）', access: 'shopper', body: TouchBody }, (ctx, { body }) =>
    s.touches.record(memberIdOf(ctx), { token: body.t, scene: body.scene, groupChatId: body.groupChatId, path: body.path }),
  );
  api.route({ method: 'get', path: '/api/guides/share-token', tag: 'guides', summary: '我分享时携带的令牌（导购令牌或会员推荐令牌）', access: 'shopper' }, (ctx) =>
    s.workbench.shareToken(memberIdOf(ctx)),
  );
  api.route({ method: 'get', path: '/api/guides/mine', tag: 'guides', summary: '我的导购', access: 'shopper' }, (ctx) => s.shopper.cardFor(memberIdOf(ctx)));
  api.route({ method: 'post', path: '/api/guides/add-tap', tag: 'guides', summary: '点击添加导购企业微信', access: 'shopper', body: AddTapBody }, async (ctx, { body }) => {
    await s.touches.tapAdd(memberIdOf(ctx), body.guideId);
    return null;
  });
  api.route({ method: 'post', path: '/api/guides/prompt', tag: 'guides', summary: '首单支付后的添加导购提示（只弹一次）', access: 'shopper', body: PromptBody }, (ctx, { body }) =>
    s.shopper.promptAfterOrder(memberIdOf(ctx), body.orderId),
  );
  api.route({ method: 'post', path: '/api/guides/link', tag: 'guides', summary: '导购用绑定码关联自己的账号', access: 'shopper', body: LinkBody }, (ctx, { body }) => s.shopper.link(memberIdOf(ctx), body.code));

  // --- guide workbench (a shopper account linked to an active guide) ---
  api.route({ method: 'get', path: '/api/guide/me', tag: 'guides', summary: '导购工作台：我的信息与分享令牌', access: 'shopper' }, (ctx) => s.workbench.me(memberIdOf(ctx)));
  api.route({ method: 'get', path: '/api/guide/customers', tag: 'guides', summary: '导购工作台：我的客户', access: 'shopper' }, (ctx) => s.workbench.customers(memberIdOf(ctx)));
  api.route({ method: 'get', path: '/api/guide/products/:id/poster', tag: 'guides', summary: '导购工作台：带我的令牌的商品海报小程序码', access: 'shopper', params: IdParams }, (ctx, { params }) =>
    s.posters.make(memberIdOf(ctx), 'product', params.id),
  );
  api.route({ method: 'get', path: '/api/guide/campaigns/:id/poster', tag: 'guides', summary: '导购工作台：带我的令牌的拼团活动海报小程序码', access: 'shopper', params: IdParams }, (ctx, { params }) =>
    s.posters.make(memberIdOf(ctx), 'campaign', params.id),
  );
  api.route({ method: 'get', path: '/api/guide/orders', tag: 'guides', summary: '导购工作台：按月的归属订单与佣金', access: 'shopper' }, (ctx) => s.workbench.months(memberIdOf(ctx)));

  // --- HQ ---
  api.route({ method: 'post', path: '/api/hq/stores', tag: 'guides', summary: '新建门店', access: manage, body: StoreBody, status: 201 }, (_c, { body }) => s.admin.createStore(body));
  api.route({ method: 'get', path: '/api/hq/stores', tag: 'guides', summary: '门店列表（分页；名称或编码、城市筛选；门店店长仅本店）', access: read, query: StoreListQuery }, (ctx, { query }) =>
    s.admin.listStores(query, storeScopeOf(ctx)),
  );
  api.route({ method: 'put', path: '/api/hq/stores/:id/default-guide', tag: 'guides', summary: '设置门店默认导购', access: manage, params: IdParams, body: DefaultGuideBody }, async (_c, { params, body }) => {
    await s.admin.setDefaultGuide(params.id, body.guideId);
    return null;
  });
  api.route({ method: 'post', path: '/api/hq/guides', tag: 'guides', summary: '新建导购', access: manage, body: GuideBody, status: 201 }, (_c, { body }) => s.admin.createGuide(body));
  api.route({ method: 'get', path: '/api/hq/guides', tag: 'guides', summary: '导购列表（分页；门店、在职状态、姓名或企业微信账号筛选；门店店长仅本店）', access: read, query: GuideListQuery }, (ctx, { query }) =>
    s.admin.listGuides(query, storeScopeOf(ctx)),
  );
  api.route({ method: 'post', path: '/api/hq/guides/:id/binding-code', tag: 'guides', summary: '生成导购绑定码（24 小时内一次有效）', access: manage, params: IdParams }, (_c, { params }) =>
    s.admin.issueBindingCode(params.id),
  );
  api.route({ method: 'post', path: '/api/hq/guides/:id/contact-ways', tag: 'guides', summary: '为导购创建企业微信「联系我」', access: manage, params: IdParams }, async (_c, { params }) => {
    const g = await s.wecom.createContactWays(params.id);
    return { contactConfigId: g.contactConfigId, qrCodeUrl: g.qrCodeUrl };
  });
  api.route({ method: 'post', path: '/api/hq/guides/:id/leave', tag: 'guides', summary: '导购离职（可将客户转给其他导购）', access: manage, params: IdParams, body: LeaveBody }, (ctx, { params, body }) =>
    s.admin.leave(params.id, body.reassignTo, actorOf(ctx)),
  );
  api.route({ method: 'post', path: '/api/hq/guides/:id/reassign', tag: 'guides', summary: '批量转移导购的客户', access: manage, params: IdParams, body: ReassignBody }, (ctx, { params, body }) =>
    s.admin.reassign(params.id, body.toGuideId, actorOf(ctx)),
  );
  api.route({ method: 'put', path: '/api/hq/commission-rates', tag: 'guides', summary: '设置商品或分类的佣金比例（万分比）', access: { hq: HQ_FINANCE }, body: RateBody }, async (_c, { body }) => {
    await s.admin.setRate(body.scope, body.refId, body.rateBp);
    return null;
  });
  api.route({ method: 'get', path: '/api/hq/orders/:id/attribution', tag: 'guides', summary: '订单归属与证据', access: read, params: IdParams }, async (ctx, { params }) => {
    const a = await s.attribution.ofOrder(params.id);
    if (!a || !inScope(ctx, a.storeId)) throw new AppError('ORDER_NOT_FOUND');
    return a;
  });
  api.route({ method: 'get', path: '/api/hq/attribution/rules', tag: 'guides', summary: '当前归属规则', access: wide }, () => s.rules.current());
  api.route({ method: 'post', path: '/api/hq/attribution/rules/preview', tag: 'guides', summary: '预览规则调整对历史订单的影响', access: wide, body: RuleBody }, async (_c, { body }) => {
    const cur = await s.rules.current();
    return s.attribution.preview({ ...cur, ...body, version: cur.version + 1 });
  });
  api.route({ method: 'post', path: '/api/hq/attribution/rules', tag: 'guides', summary: '应用新的归属规则（仅对新订单生效）', access: { hq: HQ_OWNER }, body: RuleBody, audit: { objectType: 'attribution/rules', before: () => s.rules.current() } }, (ctx, { body }) =>
    s.rules.apply(body, actorOf(ctx)),
  );
  api.route({ method: 'get', path: '/api/hq/guides/report', tag: 'guides', summary: '按导购的 GMV、订单、佣金与首单后加企微率', access: read, query: PeriodQuery }, async (ctx, { query }) => (await s.reports.byGuide(period(query))).filter((r) => inScope(ctx, r.storeId)));
  api.route({ method: 'get', path: '/api/hq/stores/report', tag: 'guides', summary: '按门店的 GMV、订单与佣金', access: read, query: PeriodQuery }, async (ctx, { query }) => (await s.reports.byStore(period(query))).filter((r) => inScope(ctx, r.storeId)));
  api.route({ method: 'get', path: '/api/hq/guides/funnel', tag: 'guides', summary: '触达 → 首购 → 复购漏斗', access: wide, query: PeriodQuery }, (_c, { query }) => s.reports.funnel(period(query)));
  api.route({ method: 'get', path: '/api/hq/guides/:id/commission', tag: 'guides', summary: '导购佣金数字与台账合计', access: read, params: IdParams }, async (ctx, { params }) => {
    await requireGuideInScope(ctx, params.id);
    return {
    figures: (await s.commission.figures([params.id]))[0] ?? { guideId: params.id, accruedFen: 0, heldFen: 0, releasedFen: 0, reversedFen: 0 },
    ledger: await s.commission.ledgerSums(params.id),
    offline: (await s.commission.offlineSums([params.id])).get(params.id) ?? { releasedFen: 0, reversedFen: 0 },
    };
  });
  // After /api/hq/guides/report and /funnel, which the :id pattern would otherwise take.
  api.route({ method: 'get', path: '/api/hq/guides/:id', tag: 'guides', summary: '导购详情（门店店长仅本店）', access: read, params: IdParams }, async (ctx, { params }) => {
    await requireGuideInScope(ctx, params.id);
    return s.admin.guide(params.id);
  });
}
