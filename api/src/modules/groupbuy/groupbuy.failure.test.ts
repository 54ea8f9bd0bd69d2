/**
 * A group that fails (here: its campaign ended early), with real WeChat Pay payments through the
 * loopback fake: every paid seat refunded in full exactly once, unpaid seats cancelled, units
 * back in the campaign then in the SKU, and a payment that arrives after the failure refunded.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { count, orderStatus, WECHAT_PAY_ENV } from '../../../test/payments';
import { campaignRow, join, runningCampaign, shopper, skuStock, type Shopper } from './groupbuy.test-support';

let app: TestApp;
let hq: string;
beforeAll(async () => {
  app = await startTestApp(WECHAT_PAY_ENV);
  hq = await loginHq(app);
});
afterAll(() => app.close());

const fake = () => app.fakeWechatPay!;
const REFUND_PATH = '/v3/refund/domestic/refunds';

async function seatPaid(s: Shopper, campaignId: number, groupId?: number): Promise<{ id: number; orderNo: string; groupId: number }> {
  const seat = ok(await join(app, s, campaignId, groupId), 201);
  ok(await app.api.post(`/api/orders/${seat.id}/pay`, {}, s.token));
  const res = await fake().pay(seat.orderNo);
  expect(res.status).toBe(204);
  return seat;
}

it('the failure job run twice at once refunds every paid seat exactly once, and cancels the unpaid one', async () => {
  const c = await runningCampaign(app, hq, new Date(), { stock: 10, size: 3, skuStock: 40 });
  const [a, b, cc] = [await shopper(app), await shopper(app), await shopper(app)];
  const sa = await seatPaid(a, c.campaignId);
  const sb = await seatPaid(b, c.campaignId, sa.groupId);
  const sc = ok(await join(app, cc, c.campaignId, sa.groupId), 201);
  expect([await orderStatus(app.ds, sa.id), await orderStatus(app.ds, sb.id)]).toEqual(['grouping', 'grouping']);
  expect(await campaignRow(app, c.campaignId)).toMatchObject({ sold: 2, held: 1, left: 7 });

  ok(await app.api.post(`/api/hq/groupbuy/campaigns/${c.campaignId}/end`, {}, hq));
  const refundCallsBefore = fake().calls.filter((x) => x.path === REFUND_PATH).length;
  const runs = await Promise.all([app.services.groupBuy.jobs.runOnce(), app.services.groupBuy.jobs.runOnce()]);
  expect(runs.reduce((n, r) => n + r.failed, 0)).toBe(1);
  await Promise.all([app.services.outbox.drain(), app.services.outbox.drain()]);

  for (const seat of [sa, sb]) {
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM refund WHERE order_id = ?', [seat.id])).toBe(1);
    expect(fake().calls.filter((x) => x.path === REFUND_PATH && x.body?.out_trade_no === seat.orderNo)).toHaveLength(1);
  }
  expect(fake().calls.filter((x) => x.path === REFUND_PATH).length - refundCallsBefore).toBe(2);
  expect(await orderStatus(app.ds, sc.id)).toBe('cancelled');
  expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM refund WHERE order_id = ?', [sc.id])).toBe(0);
  const [g] = await app.ds.query('SELECT status FROM gb_group WHERE id = ?', [sa.groupId]);
  expect(g.status).toBe('failed');

  // WeChat settles the refunds: the seats end refunded, their units come back, then go to the SKU.
  for (const seat of [sa, sb]) {
    const [r] = await app.ds.query('SELECT refund_no FROM refund WHERE order_id = ?', [seat.id]);
    await fake().settleRefund(r.refund_no, 'SUCCESS');
    expect(await orderStatus(app.ds, seat.id)).toBe('refunded');
  }
  expect(await campaignRow(app, c.campaignId)).toMatchObject({ sold: 0, held: 0 });
  await app.services.groupBuy.jobs.runOnce();
  expect(await campaignRow(app, c.campaignId)).toMatchObject({ sold: 0, held: 0, left: 0, returned: 10 });
  expect(await skuStock(app, c.skuId)).toBe(40);

  // One failure notice per paid seat, none for the unpaid one, none twice.
  await app.services.outbox.drain();
  const notices = app.fakeWechat!.subscribeSends.filter((s) => s.templateId === 'tmpl-group-fail');
  expect(notices.map((n) => n.touser).sort()).toEqual([a.openid, b.openid].sort());
});

it('a payment notification arriving after its group failed is refunded, never seated', async () => {
  const c = await runningCampaign(app, hq, new Date(), { stock: 5, size: 2 });
  const a = await shopper(app);
  const seat = ok(await join(app, a, c.campaignId), 201);
  ok(await app.api.post(`/api/orders/${seat.id}/pay`, {}, a.token));
  ok(await app.api.post(`/api/hq/groupbuy/campaigns/${c.campaignId}/end`, {}, hq));
  await app.services.groupBuy.jobs.runOnce();
  expect(await orderStatus(app.ds, seat.id)).toBe('cancelled');
  const res = await fake().pay(seat.orderNo);
  expect(res.status).toBe(204);
  expect(await orderStatus(app.ds, seat.id)).toBe('cancelled');
  expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM refund WHERE order_id = ?', [seat.id])).toBe(1);
  const [s] = await app.ds.query('SELECT status, live FROM gb_seat WHERE order_id = ?', [seat.id]);
  expect([s.status, s.live]).toEqual(['released', null]);
  expect(await campaignRow(app, c.campaignId)).toMatchObject({ sold: 0, held: 0 });
});

it('a failed seat whose refund WeChat closes goes back to 待成团 and the job refunds it again', async () => {
  const c = await runningCampaign(app, hq, new Date(), { stock: 5, size: 2 });
  const a = await shopper(app);
  const seat = await seatPaid(a, c.campaignId);
  ok(await app.api.post(`/api/hq/groupbuy/campaigns/${c.campaignId}/end`, {}, hq));
  await app.services.groupBuy.jobs.runOnce();
  await app.services.outbox.drain();
  const [first] = await app.ds.query('SELECT refund_no FROM refund WHERE order_id = ?', [seat.id]);
  await fake().settleRefund(first.refund_no, 'CLOSED');
  expect(await orderStatus(app.ds, seat.id)).toBe('grouping');
  const run = await app.services.groupBuy.jobs.runOnce();
  expect(run.refundedAgain).toBe(1);
  await app.services.outbox.drain();
  const refunds = await app.ds.query('SELECT refund_no FROM refund WHERE order_id = ? ORDER BY id', [seat.id]);
  expect(refunds).toHaveLength(2);
  await fake().settleRefund(refunds[1].refund_no, 'SUCCESS');
  expect(await orderStatus(app.ds, seat.id)).toBe('refunded');
  expect((await app.services.groupBuy.jobs.runOnce()).refundedAgain).toBe(0);
  expect(app.fakeWechat!.subscribeSends.filter((s) => s.touser === a.openid)).toHaveLength(1);
});
