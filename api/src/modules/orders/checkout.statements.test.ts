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

  /** A statement as `VERB table` (transaction control as BEGIN / COMMIT), on MySQL and SQLite alike. */
  const label = (sql: string) => {
    if (/^(START|BEGIN)/.test(sql)) return 'BEGIN';
    if (/^COMMIT/.test(sql)) return 'COMMIT';
    const m = /^(SELECT|INSERT INTO|UPDATE) [`"](\w+)[`"]/.exec(sql);
    return m ? `${m[1].split(' ')[0]} ${m[2]}` : sql;
  };

  it('places an order in 14 statements: 8 of checkout itself, the member tier and the attribution reads, one snapshot write', async () => {
    counting = true;
    const res = await postOrder(app, shopper, { lines: [{ skuId, quantity: 1 }] });
    counting = false;
    expect(res.status).toBe(201);
    expect(seen.map(label)).toEqual([
      'SELECT s', // SKUs with their products, one join
      'SELECT MembershipSetting', // member discount: the tier rules …
      'SELECT MemberProfile', // … and the member's tier
      'SELECT AttributionRuleSet', // attribution: the rule version …
      'SELECT GuideBinding', // … the bound guide …
      'SELECT GuideTouch', // … and the last card touch in the window
      'SELECT Address', // after the quote: only an order that ships needs one (门店自提 does not)
      'BEGIN',
      'INSERT shop_order',
      'UPDATE shop_order', // the order number, from the id
      'INSERT order_line',
      'INSERT order_attribution',
      'UPDATE sku', // stock, last
      'COMMIT',
    ]);
  });
});
