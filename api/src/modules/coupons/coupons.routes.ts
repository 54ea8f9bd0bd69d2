import { HQ_OPERATORS, HQ_WIDE } from '@common/hq/roles';
import type { ApiRouter } from '../../http/api-router';
import { memberIdOf } from '../../http/context';
import type { CatalogueService } from '../catalogue';
import type { CouponServices } from './coupons.module';
import { toTemplateDto } from './coupons.mappers';
import { IdParams, PackBody, ProductCouponsQuery, PushBody, TemplateBody, TemplateListQuery, TemplatePatch, WalletQuery } from './coupons.schema';

const EDITORS = { hq: HQ_OPERATORS };
const READERS = { hq: HQ_WIDE };

export function registerCouponRoutes(api: ApiRouter, c: CouponServices, catalogue: CatalogueService, now: () => Date): void {
  // Shopper routes.
  api.route({ method: 'get', path: '/api/coupons/center', tag: 'coupons', summary: '领券中心：可领取的优惠券', access: 'shopper' }, (ctx) =>
    c.templates.center(memberIdOf(ctx)),
  );
  api.route(
    { method: 'post', path: '/api/coupons/templates/:id/claim', tag: 'coupons', summary: '领券中心：立即领取', access: 'shopper', params: IdParams, status: 201, rateLimit: 'couponClaim' },
    async (ctx, { params }) => {
      const memberId = memberIdOf(ctx);
      const coupon = await c.grants.claim(memberId, params.id);
      return c.wallet.own(memberId, coupon.id);
    },
  );
  api.route({ method: 'get', path: '/api/coupons/mine', tag: 'coupons', summary: '我的优惠券（可用 / 已使用 / 已过期）', access: 'shopper', query: WalletQuery }, (ctx, { query }) =>
    c.wallet.list(memberIdOf(ctx), query.tab, now()),
  );
  api.route(
    { method: 'get', path: '/api/coupons/for-product', tag: 'coupons', summary: '商品页：可用券', access: 'public', query: ProductCouponsQuery },
    async (_ctx, { query }) => {
      const p = await catalogue.productDetail(query.productId, { shopper: true });
      return c.templates.forProduct({ productId: p.id, categoryId: p.categoryId });
    },
  );
  api.route({ method: 'get', path: '/api/coupons/new-member-gift', tag: 'coupons', summary: '新人礼：已收到的礼包（没有时为 null）', access: 'shopper' }, (ctx) =>
    c.gifts.get(memberIdOf(ctx)),
  );
  api.route(
    { method: 'post', path: '/api/coupons/new-member-gift/shown', tag: 'coupons', summary: '新人礼：记录弹窗已展示（只有第一次为 true）', access: 'shopper' },
    async (ctx) => ({ firstTime: await c.gifts.markShown(memberIdOf(ctx)) }),
  );

  // HQ routes.
  api.route(
    { method: 'get', path: '/api/hq/coupon-templates', tag: 'hq', summary: '总部：优惠券模板列表（分页；启停、领券中心、名称筛选）', access: READERS, query: TemplateListQuery },
    (_ctx, { query }) => c.templates.list(query),
  );
  api.route(
    { method: 'post', path: '/api/hq/coupon-templates', tag: 'hq', summary: '总部：创建优惠券模板', access: EDITORS, body: TemplateBody, status: 201 },
    (_ctx, { body }) => c.templates.create(body),
  );
  api.route(
    { method: 'patch', path: '/api/hq/coupon-templates/:id', tag: 'hq', summary: '总部：启停、上架领券中心、门店可用、调整总量', access: EDITORS, params: IdParams, body: TemplatePatch, audit: { before: ({ params }) => c.templates.get(params.id).then(toTemplateDto) } },
    (_ctx, { params, body }) => c.templates.patch(params.id, body),
  );
  api.route(
    { method: 'post', path: '/api/hq/coupon-templates/:id/push', tag: 'hq', summary: '总部：向一组会员发券（同一批次重复发送不会重复发放）', access: EDITORS, params: IdParams, body: PushBody },
    async (_ctx, { params, body }) => {
      await c.templates.get(params.id);
      return c.grants.push(params.id, body.memberIds, body.batchKey);
    },
  );
  api.route({ method: 'get', path: '/api/hq/new-member-pack', tag: 'hq', summary: '总部：新人礼配置', access: READERS }, async () => {
    const p = await c.gifts.pack();
    return { templateIds: p.templateIds, points: p.points, active: p.active };
  });
  api.route({ method: 'put', path: '/api/hq/new-member-pack', tag: 'hq', summary: '总部：设置新人礼（优惠券与积分）', access: EDITORS, body: PackBody, audit: { before: () => c.gifts.pack() } }, async (_ctx, { body }) => {
    const p = await c.gifts.setPack(body);
    return { templateIds: p.templateIds, points: p.points, active: p.active };
  });
}
