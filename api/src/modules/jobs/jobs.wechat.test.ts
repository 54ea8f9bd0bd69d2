/**
 * The timeout and reconcile jobs against the loopback fake WeChat Pay: a payment whose
 * notification was lost is found by the order query and the order is marked paid, not cancelled.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { count, orderStatus, placeOrder, startPay, WECHAT_PAY_ENV, type UnpaidOrder } from '../../../test/payments';
import type { OrderTimeoutResult } from '../orders/orders.jobs';

const MIN = 60_000;
let app: TestApp;
let clock = Date.now();
let hq: string;

beforeAll(async () => {
  app = await startTestApp(WECHAT_PAY_ENV, { now: () => new Date(clock) });
  hq = await loginHq(app);
});
afterAll(async () => {
  await app?.close();
});

const stockOf = async (skuId: number) => Number((await app.ds.query('SELECT stock FROM sku WHERE id = ?', [skuId]))[0].stock);
const logs = (orderId: number, to: string) => count(app.ds, 'SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ? AND to_status = ?', [orderId, to]);
const paidEvents = (orderId: number) => count(app.ds, "SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'OrderPaid' AND aggregate_id = ?", [String(orderId)]);

async function unpaid(withPrepay: boolean): Promise<UnpaidOrder> {
  const o = await placeOrder(app, { hq, quantity: 2 });
  if (withPrepay) await startPay(app, o);
  return o;
}

test('timeout: paid at WeChat with the notification lost → paid; unpaid → WeChat order closed and cancelled; no prepay → cancelled', async () => {
  const lost = await unpaid(true);
  const open = await unpaid(true);
  const never = await unpaid(false);
  app.fakeWechatPay!.payWithoutNotify(lost.orderNo);
  clock += 16 * MIN;

  const run = await app.services.scheduler.runOnce('order-timeout');
  expect(run).toMatchObject({ ran: true });
  const r = run.result as OrderTimeoutResult;
  expect(r.paid).toEqual([lost.orderId]);
  expect(r.cancelled.sort((a, b) => a - b)).toEqual([open.orderId, never.orderId].sort((a, b) => a - b));

  // The paid one: paid once, stock still sold, never cancelled.
  expect(await orderStatus(app.ds, lost.orderId)).toBe('paid');
  expect(await logs(lost.orderId, 'paid')).toBe(1);
  expect(await logs(lost.orderId, 'cancelled')).toBe(0);
  expect(await paidEvents(lost.orderId)).toBe(1);
  expect(await stockOf(lost.skuId)).toBe(98);
  const [payment] = await app.ds.query('SELECT transaction_id FROM payment WHERE order_id = ?', [lost.orderId]);
  expect(payment.transaction_id).toBe(app.fakeWechatPay!.order(lost.orderNo)!.transaction_id);

  // The unpaid one: closed at WeChat before the cancel, so it can no longer be paid there.
  expect(app.fakeWechatPay!.order(open.orderNo)!.trade_state).toBe('CLOSED');
  expect(await orderStatus(app.ds, open.orderId)).toBe('cancelled');
  expect(await stockOf(open.skuId)).toBe(100);
  expect(await orderStatus(app.ds, never.orderId)).toBe('cancelled');
  expect(await stockOf(never.skuId)).toBe(100);

  // A second pass changes nothing.
  const again = await app.services.scheduler.runOnce('order-timeout');
  expect(again.result).toEqual({ cancelled: [], paid: [], skipped: [], failed: [] });
  expect(await paidEvents(lost.orderId)).toBe(1);
});

test('timeout: when WeChat Pay cannot be asked the order is left alone, and cancelled on a later pass', async () => {
  const o = await unpaid(true);
  clock += 16 * MIN;
  app.fakeWechatPay!.failNext(500);
  const first = await app.services.scheduler.runOnce('order-timeout');
  expect((first.result as OrderTimeoutResult).failed).toEqual([o.orderId]);
  expect(await orderStatus(app.ds, o.orderId)).toBe('pending_payment');
  expect(await stockOf(o.skuId)).toBe(98);

  const second = await app.services.scheduler.runOnce('order-timeout');
  expect((second.result as OrderTimeoutResult).cancelled).toEqual([o.orderId]);
  expect(await stockOf(o.skuId)).toBe(100);
});

test('reconcile: a lost notification is found by the order query after a few minutes, before the timeout', async () => {
  const lost = await unpaid(true);
  const waiting = await unpaid(true);
  app.fakeWechatPay!.payWithoutNotify(lost.orderNo);

  // Too soon to ask: nothing is queried.
  clock += 2 * MIN;
  expect(await app.services.scheduler.runOnce('payment-reconcile')).toMatchObject({ ran: true, result: { checked: 0, paid: [] } });
  expect(await orderStatus(app.ds, lost.orderId)).toBe('pending_payment');

  clock += 4 * MIN;
  const run = await app.services.scheduler.runOnce('payment-reconcile');
  expect(run).toMatchObject({ ran: true, result: { checked: 2, paid: [lost.orderId] } });
  expect(await orderStatus(app.ds, lost.orderId)).toBe('paid');
  expect(await paidEvents(lost.orderId)).toBe(1);
  expect(await orderStatus(app.ds, waiting.orderId)).toBe('pending_payment');

  // Paid orders drop out of the query.
  const again = await app.services.scheduler.runOnce('payment-reconcile');
  expect(again).toMatchObject({ result: { checked: 1, paid: [] } });
});
