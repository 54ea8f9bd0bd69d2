/**
 * The last two seats of a group paid at the same moment: whichever payment commits last, the
 * group succeeds once and every seat's order leaves 待成团. Run on MariaDB and SQLite; timing is
 * never asserted, only the states each group ends in.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { count } from '../../../test/payments';
import { devPay, join, runningCampaign, shopper, type Shopper } from './groupbuy.test-support';

let app: TestApp;
let hq: string;
beforeAll(async () => {
  app = await startTestApp();
  hq = await loginHq(app);
});
afterAll(() => app.close());

const GROUPS = 8;

interface Group {
  groupId: number;
  seats: { s: Shopper; orderId: number }[];
}

/** A group of 3 whose leader has paid and whose two other seats are taken, unpaid. */
async function groupAwaitingLastTwo(campaignId: number): Promise<Group> {
  const [a, b, c] = [await shopper(app), await shopper(app), await shopper(app)];
  const lead = ok(await join(app, a, campaignId), 201);
  await devPay(app, a, lead.id);
  const sb = ok(await join(app, b, campaignId, lead.groupId), 201);
  const sc = ok(await join(app, c, campaignId, lead.groupId), 201);
  return { groupId: lead.groupId, seats: [{ s: a, orderId: lead.id }, { s: b, orderId: sb.id }, { s: c, orderId: sc.id }] };
}

it(`${GROUPS} groups of 3 whose last two seats pay together: every group succeeded once, every seat 待发货`, async () => {
  const c = await runningCampaign(app, hq, new Date(), { stock: 3 * GROUPS, size: 3, skuStock: 3 * GROUPS });
  const groups: Group[] = [];
  for (let i = 0; i < GROUPS; i++) groups.push(await groupAwaitingLastTwo(c.campaignId));

  // All the last seats at once: two per group, every group at the same time.
  await Promise.all(groups.flatMap((g) => g.seats.slice(1).map(({ s, orderId }) => devPay(app, s, orderId))));

  // Gathered over every group first, so a failure shows how many seats were left behind.
  const wrong: string[] = [];
  for (const g of groups) {
    const [row] = await app.ds.query('SELECT status, seats_paid FROM gb_group WHERE id = ?', [g.groupId]);
    if (row.status !== 'succeeded' || Number(row.seats_paid) !== 3) wrong.push(`group ${g.groupId}: ${row.status} ${row.seats_paid}/3`);
    // One success per group: one event, one group_succeed transition per seat.
    const events = await count(app.ds, "SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'GroupSucceeded' AND aggregate_id = ?", [String(g.groupId)]);
    if (events !== 1) wrong.push(`group ${g.groupId}: ${events} GroupSucceeded events`);
    for (const { orderId } of g.seats) {
      const [o] = await app.ds.query('SELECT status FROM shop_order WHERE id = ?', [orderId]);
      const logs = await count(app.ds, "SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ? AND event = 'group_succeed' AND from_status = 'grouping' AND to_status = 'paid'", [orderId]);
      if (o.status !== 'paid' || logs !== 1) wrong.push(`group ${g.groupId} order ${orderId}: ${o.status}, ${logs} group_succeed logs`);
    }
  }
  expect(wrong).toEqual([]);
}, 120_000);
