/** The shopper's cart, kept on the server (one per shopper). Every call answers the whole cart. */
import type { CartDto } from '@common/cart/types';
import { request } from './http';

export function fetchCart(): Promise<CartDto> {
  return request<CartDto>('GET', '/api/cart');
}

/** Adds to the quantity already in the cart. */
export function addToCart(skuId: number, quantity: number): Promise<CartDto> {
  return request<CartDto>('POST', '/api/cart/items', { body: { skuId, quantity } });
}

export function updateCartItem(id: number, change: { quantity?: number; selected?: boolean }): Promise<CartDto> {
  return request<CartDto>('PUT', `/api/cart/items/${id}`, { body: change });
}

export function removeCartItem(id: number): Promise<CartDto> {
  return request<CartDto>('DELETE', `/api/cart/items/${id}`);
}

export function selectAllCart(selected: boolean): Promise<CartDto> {
  return request<CartDto>('POST', '/api/cart/select-all', { body: { selected } });
}
