/**
 * Property test (fast-check) over real orders: random orders of a few shoppers over several
 * Beijing days, some left unpaid, cancelled, paid, partly or fully refunded (refunds on later
 * days), attributed to one of two stores' guides or none. After the outbox ran (twice: a
 * redelivery changes nothing), the aggregates equal a recount from the raw orders, per day and
 * per chain, store and guide, and the distinct paying/repeat members per day, week and month.
 */
import fc from 'fast-check';
import { periodKeysOf, beijingDay } from '@common/metrics/period';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { anAddress, createSku, ok } from '../../../test/shopping';
import { aGuide, type GuideFixture } from '../guides/guides.test-support';
import { MetricDaily, MetricPeriod } from './metrics.entities';

type Fate = 'unpaid' | 'cancel' | 'paid' | 'partial' | 'full';
interface Step {
  shopper: number;
  guide: number; // 0: none, 1: A, 2: B
  quantity: number;
  fate: Fate;
  hoursLater: number;
}

const ORDER_COLS = ['paidOrders', 'gmvFen', 'refundFen', 'guideOrders', 'guideGmvFen', 'firstPurchases'] as const;

describe('metrics aggregates equal a recount from the raw orders', () => {
  let app: TestApp;
  let clock = Date.now() - 20 * 24 * 3600_000;
  let skuId: number;
  let guides: GuideFixture[];
  const openids = [0, 1, 2, 3].map((i) => `o_metrics_prop_${i}`);

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => new Date(clock) });
    const hq = await loginHq(app);
    skuId = (await createSku(app, hq, 1990, 100_000)).skuId;
    guides = [await aGuide(app, hq), await aGuide(app, hq)];
  });
  afterAll(() => app.close());

  async function play(s: Step): Promise<void> {
    clock += s.hoursLater * 3600_000;
    const shopper = await loginShopper(app, openids[s.shopper]);
    const address = ok(await app.api.post('/api/addresses', anAddress(), shopper.token), 201);
    const shareToken = s.guide ? { shareToken: guides[s.guide - 1].shareToken } : {};
    const order = ok(await app.api.post('/api/orders', { lines: [{ skuId, quantity: s.quantity }], addressId: address.id, ...shareToken }, shopper.token), 201);
    if (s.fate === 'unpaid') return;
    if (s.fate === 'cancel') {
      ok(await app.api.post(`/api/orders/${order.id}/cancel`, {}, shopper.token));
      return;
    }
    ok(await app.api.post(`/api/orders/${order.id}/dev-pay`, {}, shopper.token));
    if (s.fate === 'paid') return;
    clock += 30 * 3600_000; // refunded the next day or later: booked on the day it was paid
    const hq = await loginHq(app);
    const amountFen = s.fate === 'full' ? order.payableFen : Math.max(1, Math.floor(order.payableFen / 3));
    ok(await app.api.post(`/api/hq/orders/${order.id}/refunds`, { amountFen, reason: '测试退款' }, hq), 201);
  }

  async function drain(): Promise<void> {
    for (let i = 0; i < 4; i++) await app.services.scheduler.runOnce('outbox');
  }

  /** The recount: every paid order through the orders module's port, grouped as the aggregates are. */
  async function recount() {
    const paid = (await app.services.orderFacts.paidBetween(new Date(0), new Date(clock + 86_400_000), null)).sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.id - b.id);
    const storeOf = new Map(guides.map((g) => [g.id, g.storeId]));
    const daily = new Map<string, Record<(typeof ORDER_COLS)[number], number>>();
    const perMember = new Map<string, number>();
    const seen = new Set<number>();
    for (const o of paid) {
      const day = beijingDay(o.paidAt);
      const scopes = ['chain:0', ...(o.guideId ? [`store:${storeOf.get(o.guideId)}`, `guide:${o.guideId}`] : [])];
      const first = !seen.has(o.memberId);
      seen.add(o.memberId);
      for (const sc of scopes) {
        const k = `${day}|${sc}`;
        const d = daily.get(k) ?? { paidOrders: 0, gmvFen: 0, refundFen: 0, guideOrders: 0, guideGmvFen: 0, firstPurchases: 0 };
        d.paidOrders++;
        d.gmvFen += o.payableFen;
        d.refundFen += o.refundedFen;
        if (o.guideId) {
          d.guideOrders++;
          d.guideGmvFen += o.payableFen;
        }
        if (first) d.firstPurchases++;
        daily.set(k, d);
        for (const p of periodKeysOf(day)) perMember.set(`${p}|${sc}|${o.memberId}`, (perMember.get(`${p}|${sc}|${o.memberId}`) ?? 0) + 1);
      }
    }
    const periods = new Map<string, { payingMembers: number; repeatMembers: number }>();
    for (const [k, n] of perMember) {
      const key = k.split('|').slice(0, 2).join('|');
      const p = periods.get(key) ?? { payingMembers: 0, repeatMembers: 0 };
      p.payingMembers++;
      if (n >= 2) p.repeatMembers++;
      periods.set(key, p);
    }
    return { daily, periods, orders: paid.length };
  }

  async function aggregates() {
    const daily = new Map<string, Record<string, number>>();
    for (const r of await app.ds.manager.find(MetricDaily)) {
      const v = Object.fromEntries(ORDER_COLS.map((c) => [c, Number(r[c])]));
      if (ORDER_COLS.some((c) => v[c] !== 0)) daily.set(`${r.day}|${r.scopeKind}:${r.scopeId}`, v);
    }
    const periods = new Map<string, { payingMembers: number; repeatMembers: number }>();
    for (const r of await app.ds.manager.find(MetricPeriod)) if (r.payingMembers || r.repeatMembers) periods.set(`${r.period}|${r.scopeKind}:${r.scopeId}`, { payingMembers: r.payingMembers, repeatMembers: r.repeatMembers });
    return { daily, periods };
  }

  const step = fc.record({
    shopper: fc.integer({ min: 0, max: 3 }),
    guide: fc.integer({ min: 0, max: 2 }),
    quantity: fc.integer({ min: 1, max: 3 }),
    fate: fc.constantFrom<Fate>('unpaid', 'cancel', 'paid', 'paid', 'partial', 'full'),
    hoursLater: fc.integer({ min: 0, max: 30 }),
  });

  it('after random orders, refunds and cancels (and a redelivery, and a re-derivation)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 6 }), async (steps) => {
        for (const s of steps) await play(s);
        await drain();
        const want = await recount();
        const got = await aggregates();
        expect(Object.fromEntries(got.daily)).toEqual(Object.fromEntries(want.daily));
        expect(Object.fromEntries(got.periods)).toEqual(Object.fromEntries(want.periods));
        // Every order handler delivered again (a lost `done` mark) and the nightly safety net: nothing moves.
        await app.ds.query("UPDATE outbox_delivery SET status = 'pending', attempts = 0 WHERE handler LIKE 'metrics.order%'");
        await drain();
        const days = new Set([...want.daily.keys()].map((k) => k.split('|')[0]));
        for (const d of days) await app.services.metricsJobs.rederive(d);
        const again = await aggregates();
        expect(Object.fromEntries(again.daily)).toEqual(Object.fromEntries(want.daily));
        expect(Object.fromEntries(again.periods)).toEqual(Object.fromEntries(want.periods));
      }),
      { numRuns: 2 },
    );
    // The runs did exercise what they claim: refunds booked, several days, redelivered handlers.
    const [r] = await app.ds.query('SELECT SUM(refund_fen) AS refunded, COUNT(DISTINCT day) AS days FROM metric_daily');
    expect(Number(r.refunded)).toBeGreaterThan(0);
    expect(Number(r.days)).toBeGreaterThan(1);
  });
});
