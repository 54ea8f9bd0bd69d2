/**
 * Database faults, against a real MariaDB: the pool's bounded wait queue, and a burst of orders
 * through a TCP proxy whose connections are all reset mid-burst. SQLite has no connections or
 * pool to break, so these run on the api:mysql project only.
 */
import { capturingLogger, WARN } from '../../test/capture-log';
import { loginHq, startTestApp, TEST_DB, type ApiResult, type TestApp } from '../../test/harness';
import { FaultProxy, viaProxy } from '../../test/fault-proxy';
import { createSku } from '../../test/shopping';
import { OrderLine, ShopOrder } from '../modules/orders/orders.entities';
import { postOrder, shopperWithAddress, stockOf } from '../modules/orders/orders.test-support';

const mysqlOnly = TEST_DB === 'mysql' ? describe : describe.skip;

function expect503(res: ApiResult): void {
  expect([res.status, res.body.code, res.body.message]).toEqual([503, 'DB_UNAVAILABLE', '当前访问人数较多，请稍后重试']);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

mysqlOnly('the pool wait queue (MySQL only: SQLite has no pool)', () => {
  let app: TestApp;
  const captured = capturingLogger('warn');
  beforeAll(async () => {
    // Twelve identical catalogue reads must each ask the pool here: with coalescing (the default)
    // they would share the one queued read and none would be refused.
    app = await startTestApp({ CATALOGUE_CACHE_MS: '0' }, { db: (t) => ({ ...t, poolSize: 1, queueLimit: 1 }) as typeof t, log: captured.log });
  });
  afterAll(() => app.close());

  it('answers past the queue limit at once with 503 + Retry-After, serves the queued request after, and logs the burst once at warn', async () => {
    // Hold the only connection in an open transaction.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = app.services.tx.run(async (m) => {
      await m.query('SELECT 1');
      await gate;
    });
    const settled: ApiResult[] = [];
    const requests = Array.from({ length: 12 }, () => app.api.get('/api/categories').then((r) => (settled.push(r), r)));
    // One may wait in the queue; the other eleven cannot, and are answered while the connection is still held.
    while (settled.length < 11) await new Promise((r) => setTimeout(r, 10));
    for (const r of settled) expect503(r);
    release();
    await held;
    const all = await Promise.all(requests);
    expect(all.map((r) => r.status).sort()).toEqual([200, ...Array(11).fill(503)]);
    expect((await app.api.get('/api/categories')).status).toBe(200);

    // A full queue is expected overload, not a bug: one warn line for the burst, without a stack trace.
    const logged = captured.lines.filter((l) => /database|queue/i.test(l.msg));
    expect(logged.map((l) => [l.level, l.msg])).toEqual([[WARN, 'database pool queue full: answering 503']]);
    expect(JSON.stringify(logged[0])).not.toMatch(/stack|    at /);
  });
});

mysqlOnly('a burst of orders while the database connections are reset (MySQL only: needs TCP to break)', () => {
  let app: TestApp;
  let proxy: FaultProxy;
  const captured = capturingLogger();

  beforeAll(async () => {
    proxy = new FaultProxy('127.0.0.1', 3306);
    const port = await proxy.start();
    app = await startTestApp({}, { db: (t) => ({ ...t, url: viaProxy((t as { url: string }).url, port) }) as typeof t, log: captured.log });
  });
  afterAll(async () => {
    await app.close();
    await proxy.stop();
  });

  it('keeps stock exact, answers 201 only for committed orders, 503 + Retry-After while broken, and recovers', async () => {
    const INITIAL = 150;
    const BURST = 120;
    const hq = await loginHq(app);
    const sku = await createSku(app, hq, 990, INITIAL);
    const shoppers = await Promise.all(Array.from({ length: 20 }, () => shopperWithAddress(app)));
    const order = (i: number) => postOrder(app, shoppers[i % 20], { lines: [{ skuId: sku.skuId, quantity: 1 }] }, `burst-${i}`);

    let answered = 0;
    const burst = Array.from({ length: BURST }, (_, i) =>
      order(i).then((r) => {
        // Break every connection once a third of the burst is answered: the rest are in flight.
        if (++answered === BURST / 3) proxy.breakAll();
        return r;
      }),
    );
    const byKey = new Map((await Promise.all(burst)).map((r, i) => [`burst-${i}`, r]));
    // Still broken: whatever arrives now is refused with a retry hint, never a 404 or a 500.
    const during = await Promise.all([order(BURST), order(BURST + 1), app.api.get('/api/categories'), app.api.get(`/api/products/${sku.productId}`)]);
    for (const r of during) expect503(r);
    byKey.set(`burst-${BURST}`, during[0]);
    byKey.set(`burst-${BURST + 1}`, during[1]);

    proxy.heal();
    const after = await order(BURST + 2);
    expect(after.status).toBe(201);
    byKey.set(`burst-${BURST + 2}`, after);

    // Every answer is a created order, a 409 out of stock or a 503 with Retry-After.
    for (const r of byKey.values()) {
      if (r.status === 503) expect503(r);
      else if (r.status !== 201) expect([r.status, r.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    }
    const refused = [...byKey.values()].filter((r) => r.status === 503).length;
    expect(refused).toBeGreaterThanOrEqual(2);

    const m = app.ds.manager;
    const orders = await m.find(ShopOrder);
    const lines = await m.find(OrderLine);
    const sold = lines.filter((l) => l.skuId === sku.skuId).reduce((n, l) => n + l.quantity, 0);
    expect(sold + (await stockOf(app, sku.skuId))).toBe(INITIAL);
    // Every 201 is a committed order, and every committed order was answered 201 or 5xx (the
    // commit may have landed as its connection broke), never a 4xx.
    const committed = new Map(orders.map((o) => [o.idempotencyKey, o]));
    for (const [key, r] of byKey) {
      if (r.status === 201) expect(committed.get(key)?.id).toBe(r.body.data.id);
      if (committed.has(key)) expect([201, 503]).toContain(r.status);
    }
    expect(orders).toHaveLength(new Set(lines.map((l) => l.orderId)).size);

    // Logged, but once per burst rather than once per refused request.
    const logged = captured.lines.filter((l) => l.msg === 'database unavailable: answering 503');
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(logged.length).toBeLessThan(refused);
  });
});
