/** Shopping fixtures: products to put in carts, and small cart/address API wrappers. */
import type { AddressInput } from '@common/address/types';
import { createCategory, createProduct, type ProductFixture } from './fixtures';
import type { ApiResult, TestApp } from './harness';

export interface SkuFixture {
  productId: number;
  skuId: number;
  priceFen: number;
}

/** One on-sale product with a single SKU (no specs) at `priceFen` with `stock`. */
export async function createSku(app: TestApp, hq: string, priceFen: number, stock: number, extra: Partial<ProductFixture> = {}): Promise<SkuFixture> {
  const categoryId = extra.categoryId ?? (await createCategory(app, hq));
  const p = await createProduct(app, hq, { categoryId, skus: [{ specs: {}, priceFen, stock }], ...extra });
  return { productId: p.id, skuId: p.skus[0].id, priceFen };
}

export const cartOf = (app: TestApp, token: string) => ({
  get: () => app.api.get('/api/cart', token),
  add: (skuId: number, quantity: number) => app.api.post('/api/cart/items', { skuId, quantity }, token),
  update: (id: number, body: unknown) => app.api.call('PUT', `/api/cart/items/${id}`, { body, token }),
  remove: (id: number) => app.api.call('DELETE', `/api/cart/items/${id}`, { token }),
  selectAll: (selected: boolean) => app.api.post('/api/cart/select-all', { selected }, token),
});

export function anAddress(over: Partial<AddressInput> = {}): AddressInput {
  return { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路 1 号', isDefault: false, ...over };
}

export const addressesOf = (app: TestApp, token: string) => ({
  list: () => app.api.get('/api/addresses', token),
  create: (body: unknown) => app.api.post('/api/addresses', body, token),
  update: (id: number, body: unknown) => app.api.call('PUT', `/api/addresses/${id}`, { body, token }),
  remove: (id: number) => app.api.call('DELETE', `/api/addresses/${id}`, { token }),
});

/** Asserts a 2xx and returns its data, with the body in the message when it is not. */
export function ok<T = any>(res: ApiResult<T>, status = 200): T {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.data;
}
