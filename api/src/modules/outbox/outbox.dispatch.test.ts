/**
 * OUTBOX_DISPATCH=immediate on default settings (JOBS_ENABLED, JOBS_INTERVAL_MS 30 s, nobody
 * ticking the outbox by hand): what a commit causes is visible within a second, a failing handler
 * is left to the job's backoff and still runs to success once, and a burst racing the job runs
 * every delivery exactly once, with at most the queue's concurrency of handlers at a time.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { OrderDetailDto } from '@common/order/types';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok, type SkuFixture } from '../../../test/shopping';
import { couponsOf } from '../coupons/coupons.test-support';
import { postOrder, shopperWithAddress } from '../orders/orders.test-support';
import { DISPATCH_DEFAULTS } from './dispatch-queue';
import { backoffMs } from './outbox';

/** Real time plus what the test skips ahead (a failed delivery's backoff). */
let skipped = 0;
const now = () => new Date(Date.now() + skipped);

/** Test handlers on OrderCancelled (no feature subscribes to it), told apart by `reason`. */
const calls = new Map<string, number>();
const successes = new Map<string, number>();
let active = 0;
let maxActive = 0;
const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

let app: TestApp;
let hq: string;
let sku: SkuFixture;

beforeAll(async () => {
  app = await startTestApp(
    { JOBS_ENABLED: 'true', OUTBOX_DISPATCH: 'immediate' },
    {
      now,
      extend: (s) => {
        // Fails on its first run for each event, succeeds after.
        s.outbox.subscribe('OrderCancelled', 'test.fails-once', async (p, ctx) => {
          if (p.reason !== 'fails-once') return;
          bump(calls, ctx.idempotencyKey);
          if (calls.get(ctx.idempotencyKey) === 1) throw new Error('downstream hiccup');
          bump(successes, ctx.idempotencyKey);
        });
        // Takes a few ms, and records how many of its runs overlap.
        s.outbox.subscribe('OrderCancelled', 'test.burst', async (p, ctx) => {
          if (!p.reason.startsWith('burst')) return;
          active++;
          maxActive = Math.max(maxActive, active);
          await sleep(5);
          bump(calls, ctx.idempotencyKey);
          active--;
        });
      },
    },
  );
  hq = await loginHq(app);
  sku = await createSku(app, hq, 12_800, 100);
});
afterAll(() => app?.close());

/** Polls `probe` until it answers a truthy value or `ms` pass; answers it and the time taken. */
async function within<T>(ms: number, probe: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    const took = Date.now() - started;
    if (value || took >= ms) return { value, ms: took };
    await sleep(20);
  }
}

const cancelled = (reason: string, id: number) =>
  app.services.tx.run((m) => app.services.outbox.enqueue(m, 'OrderCancelled', id, { orderId: id, orderNo: `T${id}`, memberId: 1, kind: 'normal', guideId: null, reason }));

async function deliveriesOf(eventIds: number[], handler: string): Promise<{ status: string; attempts: number }[]> {
  const rows: { status: string; attempts: number | string }[] = await app.ds.query(
    `SELECT status, attempts FROM outbox_delivery WHERE handler = ? AND event_id IN (${eventIds.map(() => '?').join(',')})`,
    [handler, ...eventIds],
  );
  return rows.map((r) => ({ status: r.status, attempts: Number(r.attempts) }));
}

const allDone = async (eventIds: number[], handler: string) => (await deliveriesOf(eventIds, handler)).every((d) => d.status === 'done');

describe('outbox: immediate dispatch after commit (default JOBS_INTERVAL_MS, no manual tick)', () => {
  it('a first login: the 新人礼 is there within 1 s', async () => {
    const s = await loginShopper(app);
    const { value: gift, ms } = await within(1000, async () => ok(await couponsOf(app, s.token).gift()));
    expect({ gift: !!gift, withinMs: ms <= 1000 }).toEqual({ gift: true, withinMs: true });
    expect(gift.coupons.map((c: { name: string }) => c.name)).toEqual(['新人首单立减']);
  });

  it('an order paid: its points are pending within 1 s', async () => {
    const s = await shopperWithAddress(app);
    const o = ok<OrderDetailDto>(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }] }), 201);
    ok(await app.api.post(`/api/orders/${o.id}/dev-pay`, {}, s.token));
    const { value: pending } = await within(1000, async () => ok(await app.api.get('/api/membership/card', s.token)).points.pending);
    expect(pending).toBe(Math.floor(o.payableFen / 100));
  });

  it('a handler that throws once is left to the job, which runs it to success once', async () => {
    const eventId = await cancelled('fails-once', 9001);
    const key = `${eventId}:test.fails-once`;
    // The immediate run failed and was recorded for the job's backoff.
    const { value: failed } = await within(1000, async () => (await deliveriesOf([eventId], 'test.fails-once'))[0].attempts === 1);
    expect(failed).toBe(true);
    expect(await deliveriesOf([eventId], 'test.fails-once')).toEqual([{ status: 'pending', attempts: 1 }]);
    // Not due yet: the job leaves it alone.
    await app.services.scheduler.runOnce('outbox');
    expect(calls.get(key)).toBe(1);
    skipped += backoffMs(1);
    expect(await app.services.scheduler.runOnce('outbox')).toMatchObject({ ran: true });
    expect(await deliveriesOf([eventId], 'test.fails-once')).toEqual([{ status: 'done', attempts: 2 }]);
    skipped += backoffMs(8);
    await app.services.scheduler.runOnce('outbox');
    expect({ calls: calls.get(key), successes: successes.get(key) }).toEqual({ calls: 2, successes: 1 });
  });

  it('a burst of 60 events while the job runs in parallel: every delivery handled exactly once', async () => {
    let bursting = true;
    // The job's pass, twice at once and without its lease, so it truly races the dispatch.
    const job = async () => {
      while (bursting) await app.services.outbox.processDue();
    };
    const jobs = [job(), job()];
    const eventIds = await Promise.all(Array.from({ length: 60 }, (_, i) => cancelled('burst', 10_000 + i)));
    bursting = false;
    await Promise.all(jobs);
    // No manual tick from here on: what the job did not take, the dispatch delivers.
    const { value: done } = await within(5000, () => allDone(eventIds, 'test.burst'));
    expect(done).toBe(true);
    expect(eventIds.map((id) => calls.get(`${id}:test.burst`))).toEqual(eventIds.map(() => 1));
    expect((await deliveriesOf(eventIds, 'test.burst')).every((d) => d.attempts === 1)).toBe(true);
  });

  it('a burst of 100 events alone: delivered by the dispatch, never more than its concurrency at once', async () => {
    maxActive = 0;
    const eventIds = await Promise.all(Array.from({ length: 100 }, (_, i) => cancelled('burst-alone', 20_000 + i)));
    const { value: done } = await within(10_000, () => allDone(eventIds, 'test.burst'));
    expect(done).toBe(true);
    expect(eventIds.map((id) => calls.get(`${id}:test.burst`))).toEqual(eventIds.map(() => 1));
    expect(maxActive).toBeGreaterThanOrEqual(1);
    expect(maxActive).toBeLessThanOrEqual(DISPATCH_DEFAULTS.concurrency);
    // The last batch may still be settling (its deliveries already written done) when the probe
    // above sees them all done; the queue must then go idle by itself, with nothing left behind.
    const { value: idle } = await within(1000, async () => app.services.outbox.dispatching === 0);
    expect(idle).toBe(true);
  });
});
