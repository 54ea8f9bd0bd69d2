/**
 * Property test (fast-check) over real orders: random orders of a few shoppers over several
 * Beijing days, some left unpaid, cancelled, paid, partly or fully refunded (refunds on later
 * days), attributed to one of two stores' guides or none; before an order the shopper may open a
 * guide's share path (a touch), claim a coupon and use it, or add a guide on WeCom; a till may post
 * an offline sale for a guide and a return of part of it. After the outbox ran (twice: a
 * redelivery changes nothing), the aggregates equal a recount from the raw rows (orders, touches,
 * WeCom contacts, coupon copies, points entries, POS sales and returns), per day and per chain,
 * store and guide, and the distinct paying/repeat members and the touch funnel per day, week and month.
 */
import fc from 'fast-check';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { FakePos, saleBody } from '../../../test/fake-pos';
import { anAddress, createSku, ok } from '../../../test/shopping';
import { createTemplate, couponsOf } from '../coupons/coupons.test-support';
import { aGuide, touch, type GuideFixture } from '../guides/guides.test-support';
import { aggregates, recount } from './metrics.recount.test-support';

type Fate = 'unpaid' | 'cancel' | 'paid' | 'partial' | 'full';
interface Step {
  shopper: number;
  guide: number; // 0: none, 1: A, 2: B
  quantity: number;
  fate: Fate;
  hoursLater: number;
  touch: number; // 0: none, 1: A's share path, 2: B's
  coupon: boolean;
  wecomAdd: number; // 0: none, 1: adds A on WeCom, 2: B
  offline: number; // 0: none, 1: A's store posts a sale for A, 2: B's
  returned: boolean;
}

describe('metrics aggregates equal a recount from the raw orders', () => {
  let app: TestApp;
  let clock = Date.now() - 20 * 24 * 3600_000;
  let skuId: number;
  let guides: GuideFixture[];
  let tills: FakePos[];
  let templateId: number;
  let receipt = 0;
  const addresses = new Map<number, { id: number }>();
  const sessions = new Map<string, { token: string; memberId: number; at: number }>();
  /** A session of a shopper (or a guide's own account), logged in again once a clock day old (logins are rate-limited). */
  async function sessionOf(openid: string) {
    const had = sessions.get(openid);
    if (had && clock - had.at < 86_400_000) return had;
    const s = { ...(await loginShopper(app, openid)), at: clock };
    sessions.set(openid, s);
    return s;
  }
  const openids = [0, 1, 2, 3].map((i) => `o_metrics_prop_${i}`);

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => new Date(clock) });
    const hq = await loginHq(app);
    skuId = (await createSku(app, hq, 1990, 100_000)).skuId;
    guides = [await aGuide(app, hq), await aGuide(app, hq)];
    tills = [];
    for (const g of guides) {
      const key = ok(await app.api.post(`/api/hq/stores/${g.storeId}/pos-keys`, { label: '收银台' }, hq), 201);
      tills.push(new FakePos(app.url, key.keyId, key.secret, () => clock));
    }
    // WeCom signs its callbacks with its own clock: the test's (the API refuses a stale timestamp).
    (app.fakeWecom as unknown as { now: () => number }).now = () => clock;
    templateId = await createTemplate(app, hq, { thresholdFen: 1000, amountOffFen: 300, totalQuota: 10_000, perMemberLimit: 100, validity: { type: 'relative', days: 60 } });
  });
  afterAll(() => app.close());

  /** The guide's share token as of now (a token issued at an earlier clock may have expired). */
  const freshShareToken = async (g: GuideFixture) => ok(await app.api.get('/api/guide/me', (await sessionOf(g.openid)).token)).shareToken as string;

  async function play(s: Step): Promise<void> {
    clock += s.hoursLater * 3600_000;
    const shopper = await sessionOf(openids[s.shopper]);
    if (s.touch) await touch(app, shopper.token, await freshShareToken(guides[s.touch - 1]));
    if (s.wecomAdd) {
      const [{ unionid }] = await app.ds.query('SELECT unionid FROM member WHERE id = ?', [shopper.memberId]);
      const g = guides[s.wecomAdd - 1];
      expect((await app.fakeWecom!.addCustomer({ userId: g.wecomUserId, state: `g${g.id}`, unionid })).status).toBe(200);
    }
    if (s.offline) {
      const till = tills[s.offline - 1];
      const sale = ok(await till.sale(saleBody(`P${process.pid}-${++receipt}`, 1000 * s.quantity, { soldAt: new Date(clock).toISOString(), guideId: guides[s.offline - 1].id })), 201);
      if (s.returned) ok(await till.returnGoods({ returnNo: `R${process.pid}-${receipt}`, receiptNo: sale.receiptNo, amountFen: 400, returnedAt: new Date(clock).toISOString() }), 201);
    }
    const couponId = s.coupon ? { couponId: ok(await couponsOf(app, shopper.token).claim(templateId), 201).id } : {};
    const address: { id: number } = addresses.get(s.shopper) ?? ok(await app.api.post('/api/addresses', anAddress(), shopper.token), 201);
    addresses.set(s.shopper, address);
    const shareToken = s.guide ? { shareToken: await freshShareToken(guides[s.guide - 1]) } : {};
    const order = ok(await app.api.post('/api/orders', { lines: [{ skuId, quantity: s.quantity }], addressId: address.id, ...shareToken, ...couponId }, shopper.token), 201);
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

  const step = fc.record({
    shopper: fc.integer({ min: 0, max: 3 }),
    guide: fc.integer({ min: 0, max: 2 }),
    quantity: fc.integer({ min: 1, max: 3 }),
    fate: fc.constantFrom<Fate>('unpaid', 'cancel', 'paid', 'paid', 'partial', 'full'),
    hoursLater: fc.integer({ min: 0, max: 30 }),
    touch: fc.integer({ min: 0, max: 2 }),
    coupon: fc.boolean(),
    wecomAdd: fc.constantFrom(0, 0, 0, 1, 2),
    offline: fc.constantFrom(0, 0, 1, 2),
    returned: fc.boolean(),
  });

  const base = { guide: 0, quantity: 1, hoursLater: 2, touch: 0, coupon: false, wecomAdd: 0, offline: 0, returned: false };
  /** Touched by A, first purchase with a coupon, a WeCom add, a repeat in the month, a refund, an offline sale and return. */
  const COVERING: Step[] = [
    { ...base, shopper: 0, touch: 1, guide: 1, coupon: true, fate: 'paid' },
    { ...base, shopper: 0, wecomAdd: 1, guide: 1, fate: 'partial', offline: 1, returned: true },
    { ...base, shopper: 1, touch: 2, fate: 'paid', hoursLater: 20 },
    { ...base, shopper: 1, fate: 'cancel' },
  ];

  it('after random orders, refunds, cancels, touches, coupons, WeCom adds and offline sales (and a redelivery, and a re-derivation)', async () => {
    const storeOf = new Map(guides.map((g) => [g.id, g.storeId]));
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 6 }), async (steps) => {
        for (const s of steps) await play(s);
        await drain();
        const want = await recount(app, storeOf, new Date(clock + 86_400_000));
        const got = await aggregates(app);
        expect(got.daily).toEqual(want.daily);
        expect(got.periods).toEqual(want.periods);
        // Every metrics handler delivered again (a lost `done` mark) and the nightly safety net: nothing moves,
        // and the nightly sets the days' coupons issued and points from their modules.
        await app.ds.query("UPDATE outbox_delivery SET status = 'pending', attempts = 0 WHERE handler LIKE 'metrics.%'");
        await drain();
        const days = new Set([...Object.keys(want.daily), ...Object.keys(want.jobs)].map((k) => k.split('|')[0]));
        for (const d of days) await app.services.metricsJobs.rederive(d);
        const again = await aggregates(app);
        expect(again.daily).toEqual(want.daily);
        expect(again.periods).toEqual(want.periods);
        expect(again.jobs).toEqual(want.jobs);
      }),
      // One fixed example first, so every counter is exercised whatever the random runs draw.
      { numRuns: 3, examples: [[COVERING]] },
    );
    // The runs did exercise what they claim: refunds booked, several days, touches that led to first purchases
    // and repeats, coupons issued and used, points earned, WeCom adds after a first purchase, offline sales and returns.
    const [r] = await app.ds.query(
      `SELECT SUM(refund_fen) AS refunded, COUNT(DISTINCT day) AS days, SUM(touches) AS touches, SUM(coupons_issued) AS issued, SUM(coupons_used) AS used, SUM(points_earned) AS earned,
              SUM(first_buyers_added_guide) AS added, SUM(offline_gmv_fen) AS offline, SUM(offline_return_fen) AS returned FROM metric_daily WHERE scope_kind = 'chain'`,
    );
    const [f] = await app.ds.query("SELECT SUM(touched_first_buyers) AS first, SUM(touched_repeat_buyers) AS repeats FROM metric_period WHERE scope_kind = 'chain' AND period LIKE 'M%'");
    const counts = { ...r, ...f };
    expect(Object.entries(counts).filter(([, v]) => !(Number(v) > 0))).toEqual([]);
    expect(Number(r.days)).toBeGreaterThan(1);
  });
});
