import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { count, orderStatus } from '../../../test/payments';
import { anAddress, createSku, ok } from '../../../test/shopping';
import { acquireLease, releaseLease } from './lease';
import type { OrderTimeoutResult } from '../orders/orders.jobs';
import type { JobRun } from './scheduler';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** One shopper orders `quantity` of `skuId` (the real checkout path). */
async function order(app: TestApp, skuId: number, quantity: number) {
  const shopper = await loginShopper(app);
  const address = ok(await app.api.post('/api/addresses', anAddress({ isDefault: true }), shopper.token), 201);
  const o = ok(await app.api.post('/api/orders', { lines: [{ skuId, quantity }], addressId: address.id }, shopper.token), 201);
  return { id: o.id as number, token: shopper.token };
}

const stockOf = async (app: TestApp, skuId: number) => Number((await app.ds.query('SELECT stock FROM sku WHERE id = ?', [skuId]))[0].stock);
const logs = (app: TestApp, orderId: number, to: string) =>
  count(app.ds, 'SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ? AND to_status = ?', [orderId, to]);
const events = (app: TestApp, type: string, orderId: number) =>
  count(app.ds, 'SELECT COUNT(*) AS n FROM outbox_event WHERE type = ? AND aggregate_id = ?', [type, String(orderId)]);

describe('order jobs (development payments, injected clock)', () => {
  let app: TestApp;
  let clock = new Date('2026-03-01T08:00:00.000Z').getTime();
  const advance = (ms: number) => (clock += ms);

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => new Date(clock) });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('timeout jobs racing (same process, two holders, and bare passes) cancel each order and return its stock exactly once', async () => {
    const hq = await loginHq(app);
    const sku = await createSku(app, hq, 1990, 20);
    const expiring = [];
    for (let i = 0; i < 4; i++) expiring.push(await order(app, sku.skuId, 3));
    advance(10 * MIN);
    const fresh = await order(app, sku.skuId, 3); // its deadline is 10 minutes later than theirs
    expect(await stockOf(app, sku.skuId)).toBe(20 - 5 * 3);

    // Before the deadline nothing happens.
    advance(4 * MIN);
    const early = await app.services.scheduler.runOnce('order-timeout');
    expect(early).toMatchObject({ ran: true, result: { cancelled: [] } });

    advance(2 * MIN); // 16 minutes after the first four: past their 15-minute deadline
    const s = app.services.scheduler;
    const runs = await Promise.all<JobRun | OrderTimeoutResult>([
      s.runOnce('order-timeout'),
      s.runOnce('order-timeout'),
      s.withHolder('instance-b').runOnce('order-timeout'),
      s.withHolder('instance-c').runOnce('order-timeout'),
      // Bare passes with no lease at all: the compare-and-set alone must hold.
      s.definition('order-timeout')!.run() as Promise<OrderTimeoutResult>,
      s.definition('order-timeout')!.run() as Promise<OrderTimeoutResult>,
    ]);
    const results = runs.map((r) => ('job' in r ? (r.result as OrderTimeoutResult | undefined) : r)).filter((r): r is OrderTimeoutResult => !!r);
    expect(runs.filter((r) => 'job' in r && r.skipped === 'busy')).toHaveLength(1);
    expect(runs.filter((r) => 'job' in r && r.error)).toEqual([]);

    // Each expired order was cancelled by exactly one pass, and nothing else was.
    const cancelled = results.flatMap((r) => r.cancelled).sort((a, b) => a - b);
    expect(cancelled).toEqual(expiring.map((o) => o.id).sort((a, b) => a - b));
    for (const o of expiring) {
      expect(await orderStatus(app.ds, o.id)).toBe('cancelled');
      expect(await logs(app, o.id, 'cancelled')).toBe(1);
      expect(await events(app, 'OrderCancelled', o.id)).toBe(1);
    }
    expect(await orderStatus(app.ds, fresh.id)).toBe('pending_payment');
    // Stock sold + left = initial: only the fresh order's 3 are still out.
    expect(await stockOf(app, sku.skuId)).toBe(20 - 3);

    // Later passes find nothing more to do.
    const again = await s.runOnce('order-timeout');
    expect(again).toMatchObject({ ran: true, result: { cancelled: [], skipped: [] } });
    expect(await stockOf(app, sku.skuId)).toBe(17);

    // The shopper's view agrees.
    const detail = ok(await app.api.get(`/api/orders/${expiring[0].id}`, expiring[0].token));
    expect(detail.status).toBe('cancelled');
  });

  test('a job whose lease another instance holds does not run; a job never overlaps itself in one process', async () => {
    const hq = await loginHq(app);
    const sku = await createSku(app, hq, 990, 5);
    const o = await order(app, sku.skuId, 1);
    advance(16 * MIN);
    const { tx, scheduler } = app.services;
    const now = new Date(clock);
    expect(await acquireLease(tx, 'job:order-timeout', 'elsewhere', 60_000, now)).toBe(true);
    expect(await scheduler.runOnce('order-timeout')).toMatchObject({ ran: false, skipped: 'lease-held' });
    expect(await orderStatus(app.ds, o.id)).toBe('pending_payment');
    expect(await releaseLease(tx, 'job:order-timeout', 'elsewhere', now)).toBe(true);
    const run = await scheduler.runOnce('order-timeout');
    expect(run.ran).toBe(true);
    expect((run.result as OrderTimeoutResult).cancelled).toContain(o.id);
    expect(await stockOf(app, sku.skuId)).toBe(5);

    const pair = await Promise.all([scheduler.runOnce('outbox'), scheduler.runOnce('outbox')]);
    expect(pair.map((r) => r.skipped ?? 'ran').sort()).toEqual(['busy', 'ran']);
  });

  test('shipped orders complete automatically N days after shipping, exactly once', async () => {
    const hq = await loginHq(app);
    const sku = await createSku(app, hq, 5000, 10);
    const o = await order(app, sku.skuId, 1);
    ok(await app.api.post(`/api/orders/${o.id}/dev-pay`, {}, o.token));
    ok(await app.api.post(`/api/hq/orders/${o.id}/ship`, { carrier: 'SF', trackingNo: 'SF1234567890' }, hq));
    const unshipped = await order(app, sku.skuId, 1);
    ok(await app.api.post(`/api/orders/${unshipped.id}/dev-pay`, {}, unshipped.token));

    const days = 7; // ORDER_AUTO_COMPLETE_DAYS by default
    advance(days * DAY - MIN);
    expect(await app.services.scheduler.runOnce('order-auto-complete')).toMatchObject({ ran: true, result: { completed: [] } });
    expect(await orderStatus(app.ds, o.id)).toBe('shipped');

    advance(2 * MIN);
    const s = app.services.scheduler;
    const runs = await Promise.all([s.runOnce('order-auto-complete'), s.withHolder('instance-b').runOnce('order-auto-complete')]);
    const completed = runs.flatMap((r) => (r.result as { completed: number[] } | undefined)?.completed ?? []);
    expect(completed).toEqual([o.id]);
    expect(await orderStatus(app.ds, o.id)).toBe('completed');
    expect(await logs(app, o.id, 'completed')).toBe(1);
    expect(await events(app, 'OrderCompleted', o.id)).toBe(1);
    // A paid order that never shipped is not completed by the clock.
    expect(await orderStatus(app.ds, unshipped.id)).toBe('paid');

    expect(await s.runOnce('order-auto-complete')).toMatchObject({ ran: true, result: { completed: [] } });
    expect(await events(app, 'OrderCompleted', o.id)).toBe(1);
  });

  test('modules register their jobs: names unique, one lease per name, an unknown name is a run with an error', async () => {
    const s = app.services.scheduler;
    expect([...s.names].sort()).toEqual(['coupon-expiry', 'membership-tier-review', 'order-auto-complete', 'order-timeout', 'outbox', 'payment-reconcile', 'points-expiry', 'points-expiry-reminder', 'refund-poll']);
    expect(() => s.register({ name: 'outbox', run: async () => null })).toThrow(/twice/);
    let passes = 0;
    s.register({ name: 'probe', run: async () => ({ pass: ++passes }) });
    expect(await s.withHolder('instance-b').runOnce('probe')).toMatchObject({ ran: true, result: { pass: 1 } });
    const now = new Date(clock);
    expect(await acquireLease(app.services.tx, 'job:probe', 'elsewhere', 60_000, now)).toBe(true);
    expect(await s.runOnce('probe')).toMatchObject({ ran: false, skipped: 'lease-held' });
    // Another job's lease is its own.
    expect(await s.runOnce('outbox')).toMatchObject({ ran: true });
    expect(await releaseLease(app.services.tx, 'job:probe', 'elsewhere', now)).toBe(true);
    expect(passes).toBe(1);
    expect(await s.runOnce('nope')).toMatchObject({ ran: false, error: expect.stringContaining('nope') });
  });

  test('the outbox and refund-poll jobs run through the scheduler too', async () => {
    const outbox = await app.services.scheduler.runOnce('outbox');
    expect(outbox).toMatchObject({ ran: true, result: { delivered: expect.any(Number) } });
    const refunds = await app.services.scheduler.runOnce('refund-poll');
    expect(refunds).toMatchObject({ ran: true, result: { settled: 0 } });
  });
});

describe('scheduler timers (JOBS_ENABLED)', () => {
  let app: TestApp;
  let clock = Date.now();

  beforeAll(async () => {
    app = await startTestApp({ JOBS_ENABLED: 'true', JOBS_INTERVAL_MS: '200' }, { now: () => new Date(clock) });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('an expired order is cancelled by the running server without anyone calling the job', async () => {
    const hq = await loginHq(app);
    const sku = await createSku(app, hq, 990, 4);
    const o = await order(app, sku.skuId, 2);
    clock += 16 * MIN;
    const deadline = Date.now() + 10_000;
    while ((await orderStatus(app.ds, o.id)) !== 'cancelled' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await orderStatus(app.ds, o.id)).toBe('cancelled');
    expect(await stockOf(app, sku.skuId)).toBe(4);
    expect(await logs(app, o.id, 'cancelled')).toBe(1);
  });
});
