/** 门店自提: the stores a shopper can collect at, and a pickup order's code and store. */
import type { GeoPoint, PickupStoreDto, ShopperPickupDto } from '@common/pickup/types';
import { request } from './http';

/** Stores taking pickups, nearest first when the shopper's location is known. */
export function fetchPickupStores(at: GeoPoint | null): Promise<PickupStoreDto[]> {
  return request<PickupStoreDto[]>('GET', '/api/pickup/stores', { query: at ? { lat: at.lat.toFixed(6), lng: at.lng.toFixed(6) } : {} });
}

export function fetchPickupOfOrder(orderId: number): Promise<ShopperPickupDto> {
  return request<ShopperPickupDto>('GET', `/api/pickup/orders/${orderId}`);
}
