/**
 * The counter's routes that reach other modules through their public APIs: a coupon's in-store
 * redemption (coupons: one conditional update on the copy, racing online use, exactly one wins)
 * and a pickup order's lookup and 核销 (pickup: 404 for another store's code). Signed like every
 * /api/pos route; the store is the key's.
 */
import type { StoreRedemption } from '@common/coupon/types';
import type { PickupView } from '@common/pickup/types';
import type { ApiRouter } from '../../http/api-router';
import { AppError } from '../../http/app-error';
import { posCallerOf } from './pos.auth';
import { PickupCodeParams, RedeemCouponBody } from './pos.schema';

export interface CounterPorts {
  redeemInStore(input: { storeId: number; code: string; receiptNo: string | null }): Promise<StoreRedemption>;
  findPickup(storeId: number, code: string): Promise<PickupView | null>;
  collectPickup(input: { storeId: number; code: string; by: string }): Promise<PickupView>;
}

export function registerCounterRoutes(api: ApiRouter, prefix: string, c: CounterPorts): void {
  const pos = { tag: 'pos', access: 'public' as const };
  api.route({ ...pos, method: 'post', path: `${prefix}/coupons/redeem`, summary: 'POS：核销门店券码（与线上使用竞争同一张券，仅一方成功；需签名）', body: RedeemCouponBody }, (ctx, { body }) =>
    c.redeemInStore({ storeId: posCallerOf(ctx).storeId, code: body.code, receiptNo: body.receiptNo ?? null }),
  );
  api.route({ ...pos, method: 'get', path: `${prefix}/pickups/:code`, summary: 'POS：按提货码查询本店自提订单（需签名）', params: PickupCodeParams }, async (ctx, { params }) => {
    const found = await c.findPickup(posCallerOf(ctx).storeId, params.code);
    if (!found) throw new AppError('PICKUP_NOT_FOUND');
    return found;
  });
  api.route({ ...pos, method: 'post', path: `${prefix}/pickups/:code/collect`, summary: 'POS：自提核销（完成订单；需签名）', params: PickupCodeParams }, (ctx, { params }) => {
    const caller = posCallerOf(ctx);
    return c.collectPickup({ storeId: caller.storeId, code: params.code, by: `pos:${caller.apiKeyId}` });
  });
}
