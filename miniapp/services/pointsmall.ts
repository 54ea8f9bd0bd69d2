/** 积分商城: items, coupon redemption, goods redemption (an order placed with `mallItemId`), 兑换记录. */
import type { OrderDetailDto } from '@common/order/types';
import type { MallItemDto, RedemptionDto } from '@common/pointsmall/types';
import { request } from './http';
import { newIdempotencyKey } from './orders';

export const fetchMallItems = () => request<MallItemDto[]>('GET', '/api/pointsmall/items');
export const fetchMallItem = (id: number) => request<MallItemDto>('GET', `/api/pointsmall/items/${id}`);
export const redeemMallCoupon = (id: number) => request<RedemptionDto>('POST', `/api/pointsmall/items/${id}/redeem`, { body: {} });
export const fetchRedemptions = () => request<RedemptionDto[]>('GET', '/api/pointsmall/redemptions');

/** Goods: one unit, shipped to `addressId`, as an order of kind points_redemption (freight waived). */
export function redeemMallGoods(item: MallItemDto, addressId: number, idempotencyKey = newIdempotencyKey()): Promise<OrderDetailDto> {
  return request<OrderDetailDto>('POST', '/api/orders', {
    body: { lines: [{ skuId: item.skuId, quantity: 1 }], addressId, mallItemId: item.id },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

