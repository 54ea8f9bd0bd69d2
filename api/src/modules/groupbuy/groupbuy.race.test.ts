/**
 * The last two seats of a group paid at the same moment (dev-pay, or WeChat Pay notifications
 * through the loopback fake): whichever payment commits last, the group succeeds once and every
 * seat's order leaves 待成团. Run on MariaDB and SQLite; timing is never asserted, only the states
 * each group ends in. Then the job's repair pass, for a seat left in 待成团 anyway.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { count, WECHAT_PAY_ENV } from '../../../test/payments';
import { devPay, join, runningCampaign, shopper, warnLog, type Shopper } from './groupbuy.test-support';

const GROUPS = 8;

interface Seat {
  s: Shopper;
  id: number;
  orderNo: string;
}

/** Each way a payment arrives: dev-pay, or prepay then the fake WeChat Pay's notification. */
const PAYS: [string, Record<string, string>, (app: TestApp, seat: Seat) => Promise<unknown>][] = [
  ['dev-pay', {}, (app, seat) => devPay(app, seat.s, seat.id)],
  [
    'WeChat Pay notifications',
    WECHAT_PAY_ENV,
    async (app, seat) => {
      ok(await app.api.post(`/api/orders/${seat.id}/pay`, {}, seat.s.token));
      expect((await app.fakeWechatPay!.pay(seat.orderNo)).status).toBe(204);
    },
  ],
];

describe.each(PAYS)('the last two seats paid together by %s', (_how, env, pay) => {
  let app: TestApp;
  let hq: string;
  beforeAll(async () => {
    app = await startTestApp(env);
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  /** A group of 3 whose leader has paid and whose two other seats are taken, unpaid. */
  async function groupAwaitingLastTwo(campaignId: number): Promise<{ groupId: number; seats: Seat[] }> {
    const [a, b, c] = [await shopper(app), await shopper(app), await shopper(app)];
    const lead = { s: a, ...ok(await join(app, a, campaignId), 201) };
    await pay(app, lead);
    const seats = [lead, { s: b, ...ok(await join(app, b, campaignId, lead.groupId), 201) }, { s: c, ...ok(await join(app, c, campaignId, lead.groupId), 201) }];
    return { groupId: lead.groupId, seats };
  }

  it(`${GROUPS} groups of 3: every group succeeded once, every seat 待发货`, async () => {
    const c = await runningCampaign(app, hq, new Date(), { stock: 3 * GROUPS, size: 3, skuStock: 3 * GROUPS });
    const groups = [];
    for (let i = 0; i < GROUPS; i++) groups.push(await groupAwaitingLastTwo(c.campaignId));

    // All the last seats at once: two per group, every group at the same time.
    await Promise.all(groups.flatMap((g) => g.seats.slice(1).map((seat) => pay(app, seat))));

    // Gathered over every group first, so a failure shows how many seats were left behind.
    const wrong: string[] = [];
    for (const g of groups) {
      const [row] = await app.ds.query('SELECT status, seats_paid FROM gb_group WHERE id = ?', [g.groupId]);
      if (row.status !== 'succeeded' || Number(row.seats_paid) !== 3) wrong.push(`group ${g.groupId}: ${row.status} ${row.seats_paid}/3`);
      // One success per group: one event, one group_succeed transition per seat.
      const events = await count(app.ds, "SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'GroupSucceeded' AND aggregate_id = ?", [String(g.groupId)]);
      if (events !== 1) wrong.push(`group ${g.groupId}: ${events} GroupSucceeded events`);
      for (const { id } of g.seats) {
        const [o] = await app.ds.query('SELECT status FROM shop_order WHERE id = ?', [id]);
        const logs = await count(app.ds, "SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ? AND event = 'group_succeed' AND from_status = 'grouping' AND to_status = 'paid'", [id]);
        if (o.status !== 'paid' || logs !== 1) wrong.push(`group ${g.groupId} order ${id}: ${o.status}, ${logs} group_succeed logs`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('the repair pass', () => {
  let app: TestApp;
  let hq: string;
  const warned = warnLog();
  beforeAll(async () => {
    app = await startTestApp({}, { log: warned.log });
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  it('the job moves on a seat left in 待成团 after its group settled: once, with a warning, even run twice at once', async () => {
    const c = await runningCampaign(app, hq, new Date(), { stock: 10, size: 2 });
    const [a, b, d] = [await shopper(app), await shopper(app), await shopper(app)];
    // A succeeded group one of whose seats is put back where the race left it.
    const sa = ok(await join(app, a, c.campaignId), 201);
    await devPay(app, a, sa.id);
    const sb = ok(await join(app, b, c.campaignId, sa.groupId), 201);
    await devPay(app, b, sb.id);
    await app.ds.query("UPDATE shop_order SET status = 'grouping' WHERE id = ?", [sb.id]);
    // A failed group whose paid seat was never moved on.
    const sd = ok(await join(app, d, c.campaignId), 201);
    await devPay(app, d, sd.id);
    await app.ds.query("UPDATE gb_group SET status = 'failed' WHERE id = ?", [sd.groupId]);
    const logsBefore = await count(app.ds, 'SELECT COUNT(*) AS n FROM order_state_log WHERE order_id IN (?, ?)', [sb.id, sd.id]);
    const eventsBefore = await count(app.ds, 'SELECT COUNT(*) AS n FROM outbox_event', []);

    const runs = await Promise.all([app.services.groupBuy.jobs.runOnce(), app.services.groupBuy.jobs.runOnce()]);
    expect(runs.reduce((n, r) => n + r.repaired, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.refundedAgain, 0)).toBe(1);
    expect(await app.ds.query('SELECT id, status FROM shop_order WHERE id IN (?, ?) ORDER BY id', [sb.id, sd.id])).toEqual([
      { id: sb.id, status: 'paid' },
      { id: sd.id, status: 'refunding' },
    ]);
    // One state-log row each, one refund for the failed seat, one GroupFailed and no second GroupSucceeded.
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM order_state_log WHERE order_id IN (?, ?)', [sb.id, sd.id])).toBe(logsBefore + 2);
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM refund WHERE order_id = ?', [sd.id])).toBe(1);
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM outbox_event', [])).toBe(eventsBefore + 1);
    expect(await count(app.ds, "SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'GroupFailed' AND aggregate_id = ?", [String(sd.groupId)])).toBe(1);
    const repairs = () => warned.lines.filter((l) => String(l.msg).includes('left in grouping'));
    expect(repairs().map((l) => [l.orderId, l.groupId, l.group]).sort()).toEqual([
      [sb.id, sa.groupId, 'succeeded'],
      [sd.id, sd.groupId, 'failed'],
    ].sort());

    // Nothing left to repair.
    expect(await app.services.groupBuy.jobs.runOnce()).toMatchObject({ repaired: 0, refundedAgain: 0 });
    expect(repairs()).toHaveLength(2);
  });
});
