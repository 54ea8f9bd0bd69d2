import type { HqRole } from '@common/auth/types';
import { HQ_OPERATORS, HQ_STORE_READERS } from '@common/hq/roles';
import { Reply, type ApiRouter } from '../../http/api-router';
import { adminIdOf, memberIdOf, storeScopeOf } from '../../http/context';
import type { StoreScope } from '../../platform/store-scope';
import { IdParams } from '../../http/params';
import type { CheckoutService } from './checkout.service';
import type { OrderLifecycle } from './order-lifecycle';
import type { OrderReads } from './orders.query';
import type { CheckoutContributors } from './checkout/contributor';
import { checkoutSchemas, HqOrderListQuery, OrderListQuery, parseIdempotencyKey, ShipBody } from './orders.schema';

/** Who may ship orders (operations); finance and store managers read only. */
const EDITORS = HQ_OPERATORS;

/**
 * The guides whose attributed orders HQ's list shows; null: every order (an HQ-wide caller with no
 * store or guide filter). A store manager (`own`) is held to their store: asking for another
 * store, or another store's guide, gives an empty page, as /api/hq/guides?storeId= does.
 */
async function listedGuideIds(scope: StoreScope, own: number | null, q: { storeId?: number; guideId?: number }): Promise<number[] | null> {
  if (own !== null && q.storeId !== undefined && q.storeId !== own) return [];
  const ofStore = await scope.guideIds(own ?? q.storeId ?? null);
  if (q.guideId === undefined) return ofStore;
  return ofStore === null || ofStore.includes(q.guideId) ? [q.guideId] : [];
}

export function registerOrderRoutes(api: ApiRouter, checkout: CheckoutService, contributors: CheckoutContributors, reads: OrderReads, lifecycle: OrderLifecycle, scope: StoreScope): void {
  // Built once from the registered contributors' fields (couponId, pointsToUse, …).
  const { CheckoutBody, CheckoutPreviewBody } = checkoutSchemas(contributors.fields());
  api.route(
    { method: 'post', path: '/api/checkout/preview', tag: 'orders', summary: '确认订单：服务端计价（不下单），含各项优惠的实际抵扣', access: 'shopper', body: CheckoutPreviewBody },
    (ctx, { body }) => checkout.preview(memberIdOf(ctx), body),
  );

  api.route(
    {
      method: 'post',
      path: '/api/orders',
      tag: 'orders',
      summary: '下单：锁定库存，生成待付款订单（Idempotency-Key 可选；重放同一请求返回同一订单）',
      access: 'shopper',
      body: CheckoutBody,
      status: 201,
      rateLimit: 'orderCreate',
    },
    async (ctx, { body }) => {
      const key = parseIdempotencyKey(ctx.headers['idempotency-key']);
      const placed = await checkout.placeOrder(memberIdOf(ctx), body, key);
      // A replay of an earlier request answers 200 with the order it made, not 201.
      return placed.created ? placed.order : new Reply(placed.order, 200, { 'Idempotent-Replayed': 'true' });
    },
  );

  api.route(
    { method: 'get', path: '/api/orders', tag: 'orders', summary: '我的订单：按状态分栏、分页', access: 'shopper', query: OrderListQuery },
    (ctx, { query }) => reads.listForShopper(memberIdOf(ctx), query.tab, query),
  );
  api.route(
    { method: 'get', path: '/api/orders/:id', tag: 'orders', summary: '订单详情', access: 'shopper', params: IdParams },
    (ctx, { params }) => reads.orderDetail(params.id, memberIdOf(ctx)),
  );
  api.route(
    { method: 'post', path: '/api/orders/:id/cancel', tag: 'orders', summary: '取消待付款订单（库存退回）', access: 'shopper', params: IdParams },
    (ctx, { params }) => lifecycle.cancelByShopper(memberIdOf(ctx), params.id),
  );
  api.route(
    { method: 'post', path: '/api/orders/:id/confirm-receipt', tag: 'orders', summary: '确认收货', access: 'shopper', params: IdParams },
    (ctx, { params }) => lifecycle.confirmByShopper(memberIdOf(ctx), params.id),
  );

  const hq = (roles: readonly HqRole[]) => ({ hq: roles });
  api.route(
    { method: 'get', path: '/api/hq/orders', tag: 'hq', summary: '总部：订单列表（状态、类型、门店、导购、订单号、收货手机号、下单日期筛选）', access: hq(HQ_STORE_READERS), query: HqOrderListQuery },
    async (ctx, { query }) => reads.listForHq(query, query, await listedGuideIds(scope, storeScopeOf(ctx), query)),
  );
  api.route(
    { method: 'get', path: '/api/hq/orders/:id/state-log', tag: 'hq', summary: '总部：订单状态记录', access: hq(HQ_STORE_READERS), params: IdParams },
    async (ctx, { params }) => reads.stateLog(params.id, await scope.guideIds(storeScopeOf(ctx))),
  );
  api.route(
    { method: 'get', path: '/api/hq/orders/:id', tag: 'hq', summary: '总部：订单详情', access: hq(HQ_STORE_READERS), params: IdParams },
    async (ctx, { params }) => reads.orderDetail(params.id, null, undefined, await scope.guideIds(storeScopeOf(ctx))),
  );
  api.route(
    { method: 'post', path: '/api/hq/orders/:id/ship', tag: 'hq', summary: '总部：发货（填写快递公司与运单号）', access: hq(EDITORS), params: IdParams, body: ShipBody, audit: { before: ({ params }) => reads.orderDetail(params.id, null) } },
    (ctx, { params, body }) => lifecycle.ship(params.id, adminIdOf(ctx), body.carrier, body.trackingNo),
  );
}
