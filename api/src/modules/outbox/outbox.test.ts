import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { createLogger } from '../../logger';
import { backoffMs, MAX_ATTEMPTS, Outbox } from './outbox';

let app: TestApp;
let clock = new Date('2026-03-01T08:00:00.000Z').getTime();
const advance = (ms: number) => (clock += ms);

/** What the test handlers did, by idempotency key: the "effect" each may apply once. */
const effects = new Map<string, number>();
let flakyFailures = 0;
let brokenFixed = false;
/** test-slow: its first run waits for `releaseSlow` and then fails; later runs succeed. */
let slowRuns = 0;
let releaseSlow: () => void = () => undefined;

/**
 * An outbox of the test's own over the app's database: only the test handlers below subscribe to
 * it, so the features' real handlers (points, commission …) neither see these made-up orders nor
 * change the counts; it claims only deliveries it has a handler for.
 */
let outbox: Outbox;

beforeAll(async () => {
  app = await startTestApp({}, { now: () => new Date(clock) });
  outbox = new Outbox(app.ds, app.services.tx, createLogger('silent'), () => new Date(clock));
  // A handler that fails twice, then succeeds. Its effect is keyed by the idempotency key, as a
  // real handler's write would be (a unique key in its own table).
  outbox.subscribe('OrderCompleted', 'test-flaky', async (p, ctx) => {
    if (flakyFailures < 2) {
      flakyFailures++;
      throw new Error(`flaky failure ${flakyFailures}`);
    }
    effects.set(ctx.idempotencyKey, (effects.get(ctx.idempotencyKey) ?? 0) + 1);
    expect(p.orderId).toBe(501);
  });
  // A handler that fails until the test "fixes" it.
  outbox.subscribe('OrderRefunded', 'test-broken', async (_p, ctx) => {
    if (!brokenFixed) throw new Error('downstream is down');
    effects.set(ctx.idempotencyKey, (effects.get(ctx.idempotencyKey) ?? 0) + 1);
  });
  outbox.subscribe('OrderCancelled', 'test-slow', async () => {
    if (++slowRuns === 1) {
      await new Promise<void>((resolve) => (releaseSlow = resolve));
      throw new Error('the first, slow run fails after its claim expired');
    }
  });
});
afterAll(async () => {
  await app?.close();
});

async function delivery(eventId: number, handler: string) {
  const [row] = await app.ds.query('SELECT id, status, attempts, last_error FROM outbox_delivery WHERE event_id = ? AND handler = ?', [eventId, handler]);
  return { id: Number(row.id), status: row.status as string, attempts: Number(row.attempts), lastError: row.last_error as string | null };
}

describe('outbox', () => {
  test('a handler failing twice then succeeding ends done after 3 attempts, effect applied once, backoff honoured', async () => {
    const { tx } = app.services;
    const eventId = await tx.run((m) => outbox.enqueue(m, 'OrderCompleted', 501, { orderId: 501, orderNo: 'N501', memberId: 1, kind: 'normal', guideId: null, payableFen: 100, refundedFen: 0 }));
    const key = `${eventId}:test-flaky`;

    expect(await outbox.processDue()).toBe(1);
    expect(await delivery(eventId, 'test-flaky')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'flaky failure 1' });

    // Not due before its backoff has passed.
    advance(backoffMs(1) - 1);
    expect(await outbox.processDue()).toBe(0);
    advance(1);
    expect(await outbox.processDue()).toBe(1);
    expect(await delivery(eventId, 'test-flaky')).toMatchObject({ status: 'pending', attempts: 2 });

    advance(backoffMs(2) - 1);
    expect(await outbox.processDue()).toBe(0);
    advance(1);
    // Two processors racing for the due delivery: the conditional claim gives it to one.
    const ran = await Promise.all([outbox.processDue(), outbox.processDue(), outbox.processDue()]);
    expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await delivery(eventId, 'test-flaky')).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(effects.get(key)).toBe(1);

    // Done is done: later passes, however late, do not run it again.
    advance(24 * 3600_000);
    await outbox.drain();
    expect(effects.get(key)).toBe(1);
    expect((await app.api.get('/api/hq/outbox/stuck?pageSize=50', await loginHq(app))).body.data.items.find((s: { eventId: number }) => s.eventId === eventId)).toBeUndefined();
  });

  test('a handler always failing goes dead after MAX_ATTEMPTS, shows in stuck, and HQ retry puts it back', async () => {
    const { tx } = app.services;
    const eventId = await tx.run((m) =>
      outbox.enqueue(m, 'OrderRefunded', 777, { orderId: 777, orderNo: 'N777', memberId: 1, kind: 'normal', guideId: null, refundNo: 'R1', amountFen: 50, fullyRefunded: false }),
    );
    for (let i = 1; i <= MAX_ATTEMPTS + 2; i++) {
      await outbox.processDue();
      advance(backoffMs(i));
    }
    const dead = await delivery(eventId, 'test-broken');
    expect(dead).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: 'downstream is down' });

    // HQ tokens last 8 hours and the clock has moved: log in afresh.
    const stuck = ok(await app.api.get('/api/hq/outbox/stuck?pageSize=50', await loginHq(app)));
    const mine = stuck.items.find((s: { id: number }) => s.id === dead.id);
    expect(mine).toMatchObject({ eventId, type: 'OrderRefunded', aggregateId: '777', handler: 'test-broken', status: 'dead', attempts: MAX_ATTEMPTS, lastError: 'downstream is down' });
    // Times come back as real UTC instants on both databases.
    expect(new Date(mine.createdAt).getTime()).toBeLessThanOrEqual(clock);
    expect(new Date(mine.nextAttemptAt).getTime()).toBeGreaterThan(new Date('2026-03-01T08:00:00.000Z').getTime());

    // Dead stays dead on its own.
    advance(24 * 3600_000);
    expect(await outbox.processDue()).toBe(0);

    brokenFixed = true;
    const hq = await loginHq(app);
    expect(ok(await app.api.post(`/api/hq/outbox/deliveries/${dead.id}/retry`, {}, hq))).toBeNull();
    expect((await delivery(eventId, 'test-broken')).status).toBe('pending');
    await outbox.drain();
    expect(await delivery(eventId, 'test-broken')).toMatchObject({ status: 'done' });
    expect(effects.get(`${eventId}:test-broken`)).toBe(1);
    const after = ok(await app.api.get('/api/hq/outbox/stuck?pageSize=50', await loginHq(app)));
    expect(after.items.find((s: { id: number }) => s.id === dead.id)).toBeUndefined();

    // Retrying a done delivery is a conflict; an unknown one is a 404.
    const again = await app.api.post(`/api/hq/outbox/deliveries/${dead.id}/retry`, {}, hq);
    expect([again.status, again.body.code]).toEqual([409, 'OUTBOX_DELIVERY_DONE']);
    const unknown = await app.api.post('/api/hq/outbox/deliveries/999999/retry', {}, hq);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'OUTBOX_DELIVERY_NOT_FOUND']);
    const bad = await app.api.post('/api/hq/outbox/deliveries/abc/retry', {}, hq);
    expect([bad.status, bad.body.field]).toEqual([400, 'id']);
  });

  test('the HQ outbox routes refuse shoppers (403) and anonymous callers (401)', async () => {
    const shopper = await loginShopper(app);
    expect((await app.api.get('/api/hq/outbox/stuck', shopper.token)).status).toBe(403);
    expect((await app.api.post('/api/hq/outbox/deliveries/1/retry', {}, shopper.token)).status).toBe(403);
    expect((await app.api.get('/api/hq/outbox/stuck')).status).toBe(401);
    expect((await app.api.post('/api/hq/outbox/deliveries/1/retry', {})).status).toBe(401);
  });
  test('a run that outlives its claim cannot overwrite the outcome of the processor that took over', async () => {
    const { tx } = app.services;
    const eventId = await tx.run((m) => outbox.enqueue(m, 'OrderCancelled', 601, { orderId: 601, orderNo: 'N601', memberId: 1, kind: 'normal', guideId: null, reason: 'test' }));
    const first = outbox.processDue();
    for (let i = 0; i < 100 && slowRuns === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(slowRuns).toBe(1);

    // The first processor's claim lapses; a second one takes the delivery over and succeeds.
    advance(61_000);
    expect(await outbox.processDue()).toBe(1);
    expect(await delivery(eventId, 'test-slow')).toMatchObject({ status: 'done', attempts: 1 });

    // The first run now fails late: its write is refused, the delivery stays done.
    releaseSlow();
    await first;
    expect(await delivery(eventId, 'test-slow')).toMatchObject({ status: 'done', attempts: 1, lastError: null });
    expect(slowRuns).toBe(2);
  });
});
