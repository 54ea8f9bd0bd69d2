/**
 * What one order costs the database: every SQL statement POST /api/orders sends, counted through
 * TypeORM's logger (which sees each one, transaction control included). A guard against reads
 * creeping back into the hottest write path; the list is printed when it fails.
 */
import type { Logger } from 'typeorm';
import { createCategory, createProduct } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { postOrder, shopperWithAddress, type Shopper } from './orders.test-support';

describe('statements per order', () => {
  let app: TestApp;
  let shopper: Shopper;
  let skuId: number;
  const seen: string[] = [];
  let counting = false;

  beforeAll(async () => {
    app = await startTestApp();
    const hq = await loginHq(app);
    const categoryId = await createCategory(app, hq, '计数');
    const product = await createProduct(app, hq, { categoryId, title: '计数T恤', skus: [{ specs: {}, priceFen: 5900, stock: 100 }] });
    skuId = product.skus[0].id;
    shopper = await shopperWithAddress(app);
    const logger = app.ds.logger;
    const counter: Logger = {
      ...logger,
      logQuery: (query) => {
        if (counting) seen.push(query.replace(/\s+/g, ' ').slice(0, 120));
      },
    } as Logger;
    Object.defineProperty(app.ds, 'logger', { value: counter });
  });
  afterAll(() => app.close());

  it('places an order in 8 statements: address and SKUs with their products, then one transaction of 4 writes', async () => {
    counting = true;
    const res = await postOrder(app, shopper, { lines: [{ skuId, quantity: 1 }] });
    counting = false;
    expect(res.status).toBe(201);
    expect(seen).toHaveLength(8);
  });
});
