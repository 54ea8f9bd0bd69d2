/**
 * A shopper's 取消订单 with WeChat Pay: the WeChat order is closed first, so the open prepay can
 * no longer be paid after the cancel; an order WeChat says is paid is not cancelled.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { count, orderStatus, placeOrder, startPay, WECHAT_PAY_ENV } from '../../../test/payments';

let app: TestApp;
let hq: string;

beforeAll(async () => {
  app = await startTestApp(WECHAT_PAY_ENV);
  hq = await loginHq(app);
});
afterAll(async () => {
  await app?.close();
});

const stockOf = async (skuId: number) => Number((await app.ds.query('SELECT stock FROM sku WHERE id = ?', [skuId]))[0].stock);
const cancel = (o: { orderId: number; token: string }) => app.api.post(`/api/orders/${o.orderId}/cancel`, {}, o.token);

test('cancelling an order with an open prepay closes the WeChat order, then returns the stock', async () => {
  const o = await placeOrder(app, { hq, quantity: 2 });
  await startPay(app, o);
  expect(app.fakeWechatPay!.order(o.orderNo)!.trade_state).toBe('NOTPAY');

  const res = await cancel(o);
  expect(res.status).toBe(200);
  expect(res.body.data.status).toBe('cancelled');
  expect(app.fakeWechatPay!.order(o.orderNo)!.trade_state).toBe('CLOSED');
  expect(await stockOf(o.skuId)).toBe(100);
});

test('an order paid at WeChat whose notification was lost is not cancelled: it is marked paid', async () => {
  const o = await placeOrder(app, { hq, quantity: 1 });
  await startPay(app, o);
  app.fakeWechatPay!.payWithoutNotify(o.orderNo);

  const res = await cancel(o);
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('ORDER_STATE_CONFLICT');
  expect(await orderStatus(app.ds, o.orderId)).toBe('paid');
  expect(await count(app.ds, "SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ? AND to_status = 'cancelled'", [o.orderId])).toBe(0);
  expect(await stockOf(o.skuId)).toBe(99);
});

test('while WeChat Pay is unreachable the cancel is refused and nothing changes', async () => {
  const o = await placeOrder(app, { hq, quantity: 1 });
  await startPay(app, o);
  app.fakeWechatPay!.failNext(500);

  const res = await cancel(o);
  expect(res.status).toBe(502);
  expect(res.body.code).toBe('PAYMENT_UNAVAILABLE');
  expect(await orderStatus(app.ds, o.orderId)).toBe('pending_payment');
  expect(await stockOf(o.skuId)).toBe(99);
});
