/**
 * What one order costs the database: every SQL statement POST /api/orders sends, counted through
 * TypeORM's logger (which sees each one, transaction control included). A guard against reads
 * creeping back into the hottest write path; the list is printed when it fails.
 */
import type { Logger } from 'typeorm';
import { createCategory, createProduct } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { DEFAULT_SETTINGS } from '@common/membership/settings';
import { AttributionRuleSet, OrderAttribution } from '../guides/guides.entities';
import { MembershipSetting } from '../membership/membership.entities';
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
        if (counting) seen.push(query.replace(/\s+/g, ' '));
      },
    } as Logger;
    Object.defineProperty(app.ds, 'logger', { value: counter });
  });
  afterAll(() => app.close());

  /** A statement as `VERB table` (transaction control as BEGIN / COMMIT), on MySQL and SQLite alike. */
  const label = (sql: string) => {
    if (/^(START|BEGIN)/.test(sql)) return 'BEGIN';
    if (/^COMMIT/.test(sql)) return 'COMMIT';
    // The member read: every contributor's part, one UNION ALL (checkout/member-read.ts).
    const parts = [...sql.matchAll(/SELECT '([a-z-]+)' AS c, r\.\* FROM/g)].map((m) => m[1]);
    if (parts.length) return `SELECT member read: ${parts.join(' + ')}`;
    const m = /^(SELECT|INSERT INTO|UPDATE) [`"](\w+)[`"]/.exec(sql);
    return m ? `${m[1].split(' ')[0]} ${m[2]}` : sql;
  };

  const placeCounted = async () => {
    seen.length = 0;
    counting = true;
    const res = await postOrder(app, shopper, { lines: [{ skuId, quantity: 1 }] });
    counting = false;
    expect(res.status).toBe(201);
    return seen.map(label);
  };

  const ORDER = [
    'BEGIN',
    'INSERT shop_order', // with its number: a value of the order-no sequence taken before the transaction
    'INSERT order_line',
    'INSERT order_attribution',
    'UPDATE sku', // stock, last
    'COMMIT',
  ];

  it('places an order in 8 statements: the SKUs, one member read for every contributor and the address, the transaction', async () => {
    const reads = [
      'SELECT s', // SKUs with their products, one join (and the stock judged before any contributor)
      // tier and settings text, rule version, binding, touches; and the address the order names
      'SELECT member read: member + attribution + address',
    ];
    // The process's first order also reserves a block of 100 order numbers, in its own transaction.
    expect(await placeCounted()).toEqual([...reads, 'BEGIN', 'UPDATE id_sequence', 'COMMIT', ...ORDER]);
    // Every other order of the block takes its number without SQL.
    expect(await placeCounted()).toEqual([...reads, ...ORDER]);
  });

  it('cached settings and rules follow a change made elsewhere (another instance) at the very next order', async () => {
    const before = await postOrder(app, shopper, { lines: [{ skuId, quantity: 1 }] });
    expect(before.body.data.adjustments).toEqual([]);
    expect((await app.ds.manager.findOneByOrFail(OrderAttribution, { orderId: before.body.data.id })).ruleVersion).toBe(1);

    // Written straight to the database, as another API instance's HQ request would: this
    // process's caches learn of it only through the member read.
    const settings = { ...DEFAULT_SETTINGS, tiers: DEFAULT_SETTINGS.tiers.map((t) => (t.code === 'basic' ? { ...t, discountPct: 10 } : t)) };
    await app.ds.manager.save(MembershipSetting, { name: 'membership', value: JSON.stringify(settings), updatedBy: null, updatedAt: new Date() });
    await app.ds.manager.insert(AttributionRuleSet, { version: 2, protectionDays: 30, sharingWindowHours: 24, tokenMaxAgeDays: 7, createdBy: 'test', createdAt: new Date() });

    const after = await postOrder(app, shopper, { lines: [{ skuId, quantity: 1 }] });
    expect(after.status).toBe(201);
    expect(after.body.data.adjustments).toMatchObject([{ kind: 'member', label: '会员价', appliedFen: 590 }]);
    expect((await app.ds.manager.findOneByOrFail(OrderAttribution, { orderId: after.body.data.id })).ruleVersion).toBe(2);
  });
});

