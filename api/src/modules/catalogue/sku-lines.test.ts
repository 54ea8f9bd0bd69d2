/**
 * Checkout's SKU reads in batches (sku-lines.ts), on the real database: lines asked for in one
 * event-loop turn share one SKU read, an unknown SKU is absent without failing its neighbours, a
 * transaction keeps its own read, and a burst of placements through HTTP still sells exactly the
 * stock, refuses the rest and names an unknown SKU's line.
 */
import type { Logger } from 'typeorm';
import { createCategory } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { createSku } from '../../../test/shopping';
import { postOrder, shopperWithAddress, stockOf } from '../orders/orders.test-support';
import { batchedSkuLines } from './sku-lines';

describe('checkout SKU reads in batches', () => {
  let app: TestApp;
  let hq: string;
  let categoryId: number;
  const skuReads: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    categoryId = await createCategory(app, hq, '批量读');
    const logger = app.ds.logger;
    const counter = { ...logger, logQuery: (query: string) => /JOIN [`"]product[`"] [`"]p[`"]/.test(query) && skuReads.push(query) } as Logger;
    Object.defineProperty(app.ds, 'logger', { value: counter });
  });
  afterAll(() => app.close());

  it('answers lines asked in one turn with one read; an unknown SKU is absent, and a transaction reads on its own', async () => {
    const a = await createSku(app, hq, 5900, 10, { categoryId, title: '批量读A' });
    const b = await createSku(app, hq, 3900, 5, { categoryId, title: '批量读B' });
    const source = batchedSkuLines(app.ds);
    skuReads.length = 0;
    const answers = await Promise.all([source(app.ds.manager, [a.skuId]), source(app.ds.manager, [b.skuId, a.skuId]), source(app.ds.manager, [999_999]), source(app.ds.manager, [a.skuId])]);
    expect(skuReads).toHaveLength(1);
    expect(answers.map((x) => [...x.skus.keys()].sort())).toEqual([[a.skuId], [a.skuId, b.skuId].sort(), [], [a.skuId]]);
    expect(answers[1].skus.get(b.skuId)).toMatchObject({ stock: 5, priceFen: 3900 });
    expect(answers[1].products.get(a.productId)).toMatchObject({ title: '批量读A' });

    // The next turn reads again (nothing is kept), and a transaction's manager gets its own read.
    await app.ds.query('UPDATE sku SET stock = 4 WHERE id = ?', [b.skuId]);
    expect((await source(app.ds.manager, [b.skuId])).skus.get(b.skuId)!.stock).toBe(4);
    expect(skuReads).toHaveLength(2);
    await app.services.tx.run(async (m) => {
      await Promise.all([source(m, [b.skuId]), source(m, [b.skuId])]);
    });
    expect(skuReads).toHaveLength(4);
  });

  it('a burst of placements sells exactly the stock, refuses the rest, and names an unknown SKU', async () => {
    const sku = await createSku(app, hq, 5900, 7, { categoryId, title: '批量读爆款' });
    const shoppers = await Promise.all(Array.from({ length: 6 }, () => shopperWithAddress(app)));
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => postOrder(app, shoppers[i % shoppers.length], { lines: [{ skuId: i === 5 ? 999_999 : sku.skuId, quantity: 1 }] })),
    );
    const unknown = answers[5];
    expect([unknown.status, unknown.body.code, unknown.body.field]).toEqual([404, 'SKU_NOT_FOUND', 'lines.0.skuId']);
    const rest = answers.filter((_, i) => i !== 5);
    expect(rest.filter((r) => r.status === 201)).toHaveLength(7);
    expect(rest.filter((r) => r.status !== 201).map((r) => [r.status, r.body.code])).toEqual(Array(16).fill([409, 'OUT_OF_STOCK']));
    expect(await stockOf(app, sku.skuId)).toBe(0);
  });
});
