/**
 * 概览 from aggregates equals a recount from the raw orders (property test, fast-check, both
 * databases): random orders of a few shoppers over several Beijing days, some unpaid, cancelled,
 * paid, partly or fully refunded, attributed to a guide of store A or B or to none, of two products.
 * HQ-wide and for store A's manager: the three periods' figures, the trend, the top products and
 * the guide leaderboard. Then the product rows are lost and the catch-up job rebuilds them, and
 * a redelivered OrderPaid counts nothing.
 */
import fc from 'fast-check';
import { beijingDay, lastDays } from '@common/hq/overview';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { anAddress, createSku, ok } from '../../../test/shopping';
import { aGuide, type GuideFixture } from '../guides/guides.test-support';
import { account, PASSWORD } from '../hq-accounts/hq-access.test-support';

type Fate = 'unpaid' | 'cancel' | 'paid' | 'partial' | 'full';
interface Step {
  shopper: number;
  guide: number; // 0: none, 1: A, 2: B
  product: number;
  quantity: number;
  fate: Fate;
  hoursLater: number;
}

describe('概览 reads the aggregates and answers as a recount of the orders', () => {
  let app: TestApp;
  let clock = Date.now() - 12 * 24 * 3600_000;
  let skus: { skuId: number; productId: number }[];
  let guides: GuideFixture[];
  let owner: string;
  const openids = [0, 1, 2, 3].map((i) => `o_overview_prop_${i}`);
  const addresses = new Map<number, { id: number }>();

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => new Date(clock) });
    owner = await loginHq(app);
    skus = [await createSku(app, owner, 1990, 100_000), await createSku(app, owner, 4590, 100_000)];
    guides = [await aGuide(app, owner), await aGuide(app, owner)];
    await account(app, owner, 'ov-mgr', 'store_manager', guides[0].storeId);
  }, 120_000);
  afterAll(() => app.close());

  const jobs = async (...names: string[]) => {
    for (const n of names) {
      const r = await app.services.scheduler.runOnce(n);
      if (r.error) throw new Error(`${n}: ${r.error}`);
    }
  };
  const drain = () => jobs('outbox', 'outbox', 'outbox', 'outbox');

  async function play(s: Step): Promise<void> {
    clock += s.hoursLater * 3600_000;
    const shopper = await loginShopper(app, openids[s.shopper]);
    const address: { id: number } = addresses.get(s.shopper) ?? ok(await app.api.post('/api/addresses', anAddress(), shopper.token), 201);
    addresses.set(s.shopper, address);
    const shareToken = s.guide ? { shareToken: guides[s.guide - 1].shareToken } : {};
    const order = ok(await app.api.post('/api/orders', { lines: [{ skuId: skus[s.product].skuId, quantity: s.quantity }], addressId: address.id, ...shareToken }, shopper.token), 201);
    // The metrics' 10-minute refresh (a store's 新会员 from its guides' bindings), as production runs it.
    await jobs('metrics-refresh');
    if (s.fate === 'unpaid') return;
    if (s.fate === 'cancel') {
      ok(await app.api.post(`/api/orders/${order.id}/cancel`, {}, shopper.token));
      return;
    }
    ok(await app.api.post(`/api/orders/${order.id}/dev-pay`, {}, shopper.token));
    if (s.fate === 'paid') return;
    await drain();
    clock += 30 * 3600_000; // refunded the next day or later: booked on the day it was paid
    const amountFen = s.fate === 'full' ? order.payableFen : Math.max(1, Math.floor(order.payableFen / 3));
    ok(await app.api.post(`/api/hq/orders/${order.id}/refunds`, { amountFen, reason: '测试退款' }, await loginHq(app)), 201);
  }

  /** 概览 as the raw orders say it (the figures' former reads: orders, lines, members, bindings). */
  async function recount(guideIds: number[] | null) {
    const now = new Date(clock);
    const month = lastDays(now, 30);
    const paid = (await app.services.orderFacts.paidBetween(month.from, month.to, guideIds)).map((o) => ({ ...o, day: beijingDay(o.paidAt) }));
    const lines: { order_id: number; product_id: number; title: string; quantity: number; payable_fen: number }[] = await app.ds.query('SELECT order_id, product_id, title, quantity, payable_fen FROM order_line');
    const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);
    const bp = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) : 0);
    const figures = async (range: { from: Date; to: Date }) => {
      const os = paid.filter((o) => o.paidAt >= range.from && o.paidAt < range.to);
      const gmvFen = sum(os, (o) => o.netFen);
      const newMembers = guideIds === null ? await app.services.auth.membersCreatedBetween(range.from, range.to) : await app.services.guideDirectory.newCustomers(range, guideIds);
      return { gmvFen, orders: os.length, aovFen: os.length ? Math.round(gmvFen / os.length) : 0, newMembers, guideShareBp: bp(sum(os.filter((o) => o.guideId !== null), (o) => o.netFen), gmvFen) };
    };
    const trend = [];
    for (let t = month.from.getTime(); t < month.to.getTime(); t += 86_400_000) {
      const os = paid.filter((o) => o.day === beijingDay(new Date(t)));
      trend.push({ day: beijingDay(new Date(t)), gmvFen: sum(os, (o) => o.netFen), orders: os.length });
    }
    const products = new Map<number, { productId: number; title: string; quantity: number; gmvFen: number }>();
    const paidIds = new Set(paid.map((o) => o.id));
    for (const l of lines.filter((x) => paidIds.has(Number(x.order_id)))) {
      const p = products.get(Number(l.product_id)) ?? { productId: Number(l.product_id), title: l.title, quantity: 0, gmvFen: 0 };
      p.quantity += Number(l.quantity);
      p.gmvFen += Number(l.payable_fen);
      products.set(p.productId, p);
    }
    const board = new Map<number, { guideId: number; gmvFen: number; orders: number }>();
    for (const o of paid.filter((x) => x.guideId !== null)) {
      const g = board.get(o.guideId!) ?? { guideId: o.guideId!, gmvFen: 0, orders: 0 };
      g.gmvFen += o.netFen;
      g.orders++;
      board.set(o.guideId!, g);
    }
    return {
      today: await figures(lastDays(now, 1)),
      last7Days: await figures(lastDays(now, 7)),
      last30Days: await figures(month),
      trend,
      topProducts: [...products.values()].sort((a, b) => b.gmvFen - a.gmvFen || a.productId - b.productId),
      guideLeaderboard: [...board.values()].sort((a, b) => b.gmvFen - a.gmvFen || a.guideId - b.guideId),
      orders: paid.length,
    };
  }

  async function compare(): Promise<number> {
    let orders = 0;
    // Fresh tokens: the clock has moved on by days.
    const tokens = [await loginHq(app), await loginHq(app, 'ov-mgr', PASSWORD)];
    for (const [token, guideIds] of [[tokens[0], null], [tokens[1], [guides[0].id]]] as const) {
      const want = await recount(guideIds ? [...guideIds] : null);
      const got = ok(await app.api.get('/api/hq/overview', token));
      const { guideLeaderboard, ...rest } = got;
      expect({ ...rest, guideLeaderboard: guideLeaderboard.map((g: { guideId: number; gmvFen: number; orders: number }) => ({ guideId: g.guideId, gmvFen: g.gmvFen, orders: g.orders })) }).toMatchObject({
        storeId: guideIds ? guides[0].storeId : null,
        today: want.today,
        last7Days: want.last7Days,
        last30Days: want.last30Days,
        trend: want.trend,
        topProducts: want.topProducts,
        guideLeaderboard: want.guideLeaderboard,
      });
      orders += want.orders;
    }
    return orders;
  }

  const step = fc.record({
    shopper: fc.integer({ min: 0, max: 3 }),
    guide: fc.integer({ min: 0, max: 2 }),
    product: fc.integer({ min: 0, max: 1 }),
    quantity: fc.integer({ min: 1, max: 3 }),
    fate: fc.constantFrom<Fate>('unpaid', 'cancel', 'paid', 'paid', 'partial', 'full'),
    hoursLater: fc.integer({ min: 0, max: 40 }),
  });

  it('after random orders, refunds and cancels; and after the catch-up rebuilt lost product rows', async () => {
    let counted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 6 }), async (steps) => {
        // Every run has a refunded order and orders on two days at least, whatever was drawn.
        const fixed: Step[] = [
          { shopper: 0, guide: 1, product: 0, quantity: 2, fate: 'partial', hoursLater: 1 },
          { shopper: 1, guide: 0, product: 1, quantity: 1, fate: 'paid', hoursLater: 2 },
        ];
        for (const s of [...fixed, ...steps]) await play(s);
        await drain();
        counted = await compare();
        // Lose the product rows of every order (as before this aggregate existed): the catch-up rebuilds them.
        await app.ds.query('DELETE FROM overview_product_daily');
        await app.ds.query('DELETE FROM overview_order');
        await jobs('overview-catch-up');
        await compare();
        // A redelivered OrderPaid, and the catch-up again: nothing moves.
        await app.ds.query("UPDATE outbox_delivery SET status = 'pending', attempts = 0 WHERE handler = 'overview.order-paid'");
        await drain();
        expect(await app.services.overviewProducts.catchUp()).toEqual({ days: 0, counted: 0 });
        await compare();
      }),
      { numRuns: 2 },
    );
    // The runs did exercise what they claim: paid orders in the 30 days, refunds, several days.
    expect(counted).toBeGreaterThan(0);
    const [r] = await app.ds.query('SELECT SUM(refunded_fen) AS refunded, COUNT(DISTINCT day) AS days FROM shop_order, overview_order WHERE order_id = id');
    expect(Number(r.refunded)).toBeGreaterThan(0);
    expect(Number(r.days)).toBeGreaterThan(1);
  }, 180_000);
});
