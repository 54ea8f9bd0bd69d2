/**
 * Selling out cheaply: once a SKU is seen empty, an order for it is refused from the sold-out
 * mark, before any contributor runs and without one SQL statement; the mark goes when units come
 * back (a cancel, an HQ adjustment), and a burst still never oversells.
 */
import type { Logger } from 'typeorm';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { createSku } from '../../../test/shopping';
import { postOrder, shopperWithAddress, stockOf, type Shopper } from './orders.test-support';

describe('sold-out marks at checkout', () => {
  let app: TestApp;
  let hq: string;
  let shopper: Shopper;
  const seen: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    shopper = await shopperWithAddress(app);
    const logger = app.ds.logger;
    Object.defineProperty(app.ds, 'logger', { value: { ...logger, logQuery: (q: string) => void seen.push(q) } as Logger });
  });
  afterAll(() => app.close());

  /** The statements one request sends. */
  async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
    seen.length = 0;
    const result = await work();
    return { result, sql: [...seen] };
  }

  const order = (skuId: number, s = shopper) => postOrder(app, s, { lines: [{ skuId, quantity: 1 }] });
  const isMarked = (skuId: number) => app.services.soldOut.isSoldOut('sku', skuId);

  it('refuses a sold-out SKU from the mark with no SQL, and takes orders again after a cancel', async () => {
    const sku = await createSku(app, hq, 1990, 1);
    const won = await order(sku.skuId);
    expect(won.status).toBe(201);
    expect(isMarked(sku.skuId)).toBe(false);

    // The first loser reads the stock (one SELECT, before any contributor's reads) and marks it.
    const first = await statementsOf(() => order(sku.skuId));
    expect([first.result.status, first.result.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect(first.result.body.field).toBe('lines.0.quantity');
    expect(first.result.body.message).toContain('仅剩 0 件');
    expect(first.sql).toHaveLength(1);
    expect(isMarked(sku.skuId)).toBe(true);

    // Every later loser: the same answer, from memory.
    const later = await statementsOf(() => order(sku.skuId));
    expect({ ...later.result.body, requestId: 0 }).toEqual({ ...first.result.body, requestId: 0 });
    expect(later.result.status).toBe(409);
    expect(later.sql).toEqual([]);

    // The winner cancels: the unit is back, the mark is gone, the next order goes through.
    expect((await app.api.post(`/api/orders/${won.body.data.id}/cancel`, {}, shopper.token)).status).toBe(200);
    expect(isMarked(sku.skuId)).toBe(false);
    expect((await order(sku.skuId)).status).toBe(201);
    expect(await stockOf(app, sku.skuId)).toBe(0);
  });

  it('an HQ stock adjustment clears the mark at once', async () => {
    const sku = await createSku(app, hq, 990, 1);
    expect((await order(sku.skuId)).status).toBe(201);
    expect((await order(sku.skuId)).status).toBe(409);
    expect(isMarked(sku.skuId)).toBe(true);

    const adjusted = await app.api.post(`/api/hq/skus/${sku.skuId}/stock-adjustments`, { delta: 2, reason: '补货' }, hq);
    expect(adjusted.status).toBe(201);
    expect(isMarked(sku.skuId)).toBe(false);
    expect((await order(sku.skuId)).status).toBe(201);
    expect((await order(sku.skuId)).status).toBe(201);
    expect((await order(sku.skuId)).status).toBe(409);
    expect(isMarked(sku.skuId)).toBe(true);
  });

  it('a mark observed before a clear is dropped (a loser that read the old stock cannot mark returned units)', async () => {
    const sku = await createSku(app, hq, 990, 1);
    const marks = app.services.skuSoldOut;
    const before = performance.now();
    await app.api.post(`/api/hq/skus/${sku.skuId}/stock-adjustments`, { delta: 1, reason: '补货' }, hq);
    marks.seenEmpty(sku.skuId, before);
    expect(isMarked(sku.skuId)).toBe(false);
    marks.seenEmpty(sku.skuId, performance.now());
    expect(isMarked(sku.skuId)).toBe(true);
    app.services.soldOut.clear('sku', sku.skuId);
  });

  it('a burst of 120 orders for 30 units sells exactly 30, the rest refused', async () => {
    const sku = await createSku(app, hq, 990, 30);
    const shoppers = await Promise.all(Array.from({ length: 10 }, () => shopperWithAddress(app)));
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => order(sku.skuId, shoppers[i % 10])));
    expect(results.filter((r) => r.status === 201)).toHaveLength(30);
    for (const r of results.filter((x) => x.status !== 201)) expect([r.status, r.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect(await stockOf(app, sku.skuId)).toBe(0);
    expect(isMarked(sku.skuId)).toBe(true);
  });

  it('in a burst, placements beyond what the stock covers wait for the winners instead of running transactions that fail', async () => {
    const sku = await createSku(app, hq, 990, 12);
    const shoppers = await Promise.all(Array.from({ length: 10 }, () => shopperWithAddress(app)));
    const { result, sql } = await statementsOf(() => Promise.all(Array.from({ length: 60 }, (_, i) => order(sku.skuId, shoppers[i % 10]))));
    expect(result.filter((r) => r.status === 201)).toHaveLength(12);
    for (const r of result.filter((x) => x.status !== 201)) expect([r.status, r.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    expect(await stockOf(app, sku.skuId)).toBe(0);
    // The placement gate (catalogue/sku-gate.ts): once the 12 winners have committed, a single
    // waiter finds the stock gone and marks it; the others are refused by the mark. Without the
    // gate every request that read stock left would run its transaction and roll it back.
    const rollbacks = sql.filter((q) => /^ROLLBACK/i.test(q.trim())).length;
    expect(rollbacks).toBeLessThanOrEqual(1);
    expect(app.services.stock.gate.inFlightOf(sku.skuId)).toBe(0);
  });
});
