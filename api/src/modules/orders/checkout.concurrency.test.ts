/**
 * The oversell test: 200 parallel orders from 20 shoppers for one SKU with stock 50. Exactly 50
 * succeed, every other request is a 409 OUT_OF_STOCK, the stock ends at 0, and the order lines
 * add up to exactly what was sold.
 */
import type { OrderDetailDto } from '@common/order/types';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { createSku } from '../../../test/shopping';
import { OrderLine, ShopOrder } from './orders.entities';
import { postOrder, shopperWithAddress, stockOf } from './orders.test-support';

describe('checkout under contention', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('200 parallel orders for 50 units: exactly 50 succeed, nothing is oversold', async () => {
    const hq = await loginHq(app);
    const sku = await createSku(app, hq, 990, 50);
    const shoppers = await Promise.all(Array.from({ length: 20 }, () => shopperWithAddress(app)));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => postOrder(app, shoppers[i % 20], { lines: [{ skuId: sku.skuId, quantity: 1 }] })),
    );

    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(created).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const r of refused) expect([r.status, r.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect(await stockOf(app, sku.skuId)).toBe(0);

    const m = app.ds.manager;
    const orders = await m.find(ShopOrder);
    const lines = await m.find(OrderLine);
    expect(orders).toHaveLength(50);
    expect(lines.filter((l) => l.skuId === sku.skuId).reduce((n, l) => n + l.quantity, 0)).toBe(50);
    // No order without lines, no line without an order, every number distinct.
    const withLines = new Set(lines.map((l) => l.orderId));
    expect(orders.every((o) => withLines.has(o.id))).toBe(true);
    expect([...withLines].every((id) => orders.some((o) => o.id === id))).toBe(true);
    expect(new Set(orders.map((o) => o.orderNo)).size).toBe(50);
    expect(new Set(created.map((r) => (r.body.data as OrderDetailDto).orderNo)).size).toBe(50);
  });
});
