/** Checkout, orders and refunds. Prices are never sent: the server prices every order. */
import type { Page } from '@common/paging';
import type {
  CheckoutContributions,
  CheckoutPreviewDto,
  CheckoutPreviewRequest,
  CheckoutRequest,
  OrderDetailDto,
  OrderSummaryDto,
  RefundDto,
} from '@common/order/types';
import type { OrderTabKey } from '@common/order/state';
import { request } from './http';

/** The server's pricing of a prospective order, with every extra (coupon, points …) it names. */
export function previewCheckout(body: CheckoutPreviewRequest): Promise<CheckoutPreviewDto> {
  return request<CheckoutPreviewDto>('POST', '/api/checkout/preview', { body });
}

/**
 * Places an order. `idempotencyKey` is made once per 确认订单 visit, so a double tap or a retry
 * after a lost answer returns the same order instead of placing a second one.
 */
export function createOrder(body: CheckoutRequest & CheckoutContributions, idempotencyKey: string): Promise<OrderDetailDto> {
  return request<OrderDetailDto>('POST', '/api/orders', { body, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function fetchOrders(tab: OrderTabKey, page: number, pageSize = 10): Promise<Page<OrderSummaryDto>> {
  return request<Page<OrderSummaryDto>>('GET', '/api/orders', { query: { tab, page, pageSize } });
}

export function fetchOrder(id: number): Promise<OrderDetailDto> {
  return request<OrderDetailDto>('GET', `/api/orders/${id}`);
}

export function cancelOrder(id: number): Promise<OrderDetailDto> {
  return request<OrderDetailDto>('POST', `/api/orders/${id}/cancel`, { body: {} });
}

export function confirmReceipt(id: number): Promise<OrderDetailDto> {
  return request<OrderDetailDto>('POST', `/api/orders/${id}/confirm-receipt`, { body: {} });
}

export function requestRefund(id: number, reason: string): Promise<RefundDto> {
  return request<RefundDto>('POST', `/api/orders/${id}/refunds`, { body: { reason } });
}

/** A fresh idempotency key: random, unguessable enough, and never reused across visits. */
export function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `ck-${Date.now().toString(36)}-${rand()}${rand()}`;
}

export { decodeLines, encodeLines } from './checkout-lines';
