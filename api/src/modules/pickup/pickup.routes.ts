import { HQ_OPERATORS, HQ_STORE_COUNTER, HQ_STORE_READERS } from '@common/hq/roles';
import type { ApiRouter } from '../../http/api-router';
import { AppError } from '../../http/app-error';
import { memberIdOf, storeScopeOf, type AppContext } from '../../http/context';
import type { PickupStores } from './pickup-stores';
import type { PickupService } from './pickup.service';
import { CollectBody, IdParams, LookupQuery, PickupStoreBody, StoresQuery } from './pickup.schema';

const actorOf = (ctx: AppContext) => (ctx.state.principal?.kind === 'hq' ? `hq:${ctx.state.principal.username}` : 'hq:?');

/**
 * The store a counter request acts for: a store manager's own (naming another is a 404, as an
 * unknown code is); an HQ-wide role must name one.
 */
function counterStore(ctx: AppContext, named: number | undefined): number {
  const scope = storeScopeOf(ctx);
  if (scope !== null) {
    if (named !== undefined && named !== scope) throw new AppError('PICKUP_NOT_FOUND', `store ${named} is not ${scope}`);
    return scope;
  }
  if (named === undefined) throw new AppError('VALIDATION_FAILED', 'storeId is required', [{ field: 'storeId', message: '请选择门店' }]);
  return named;
}

export function registerPickupRoutes(api: ApiRouter, stores: PickupStores, pickup: PickupService): void {
  // --- shopper ---
  api.route({ method: 'get', path: '/api/pickup/stores', tag: 'pickup', summary: '可自提的门店（给出位置时由近到远）', access: 'public', query: StoresQuery }, (_c, { query }) =>
    stores.forShopper(query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null),
  );
  api.route({ method: 'get', path: '/api/pickup/orders/:id', tag: 'pickup', summary: '我的自提订单：提货码与门店', access: 'shopper', params: IdParams }, (ctx, { params }) =>
    pickup.ofShopper(memberIdOf(ctx), params.id),
  );

  // --- HQ ---
  api.route({ method: 'get', path: '/api/hq/pickup/stores', tag: 'pickup', summary: '门店自提设置（地址、营业时间、位置）', access: { hq: HQ_STORE_READERS } }, async (ctx) => {
    const scope = storeScopeOf(ctx);
    return (await stores.all()).filter((s) => scope === null || s.storeId === scope);
  });
  api.route(
    { method: 'put', path: '/api/hq/pickup/stores/:id', tag: 'pickup', summary: '设置门店自提（地址、营业时间、位置、是否开放）', access: { hq: HQ_OPERATORS }, params: IdParams, body: PickupStoreBody, audit: { objectType: 'pickup/store', before: ({ params }) => stores.one(params.id) } },
    (_c, { params, body }) => stores.set(params.id, body),
  );
  api.route({ method: 'get', path: '/api/hq/pickup/lookup', tag: 'pickup', summary: '自提核销：按提货码查订单（本门店）', access: { hq: HQ_STORE_COUNTER }, query: LookupQuery }, async (ctx, { query }) => {
    const found = await pickup.findPickup(counterStore(ctx, query.storeId), query.code);
    if (!found) throw new AppError('PICKUP_NOT_FOUND', 'code');
    return found;
  });
  api.route(
    { method: 'post', path: '/api/hq/pickup/collect', tag: 'pickup', summary: '自提核销：确认取货（完成订单）', access: { hq: HQ_STORE_COUNTER }, body: CollectBody, audit: { objectType: 'pickup/order' } },
    (ctx, { body }) => pickup.collectPickup({ storeId: counterStore(ctx, body.storeId), code: body.code, by: actorOf(ctx) }),
  );
}
