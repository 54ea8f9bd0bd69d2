/** Starting payments (WeChat Pay prepay, dev mode) and the shipping upload after shipment. */
import { paySignMessage, publicKeyFrom, verify } from '../../wechatpay/crypto';
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { count, orderStatus, placeOrder, startPay, WECHAT_PAY_ENV } from '../../../test/payments';
import { ok } from '../../../test/shopping';
import { receiverContact } from './shipping';

describe('paying with WeChat Pay (fake on loopback)', () => {
  let app: TestApp;
  let offsetMs = 0;
  beforeAll(async () => {
    app = await startTestApp(WECHAT_PAY_ENV, { now: () => new Date(Date.now() + offsetMs) });
  });
  afterAll(() => app.close());
  const fake = () => app.fakeWechatPay!;

  it('prepays once and answers requestPayment params whose paySign verifies with the merchant public key', async () => {
    const o = await placeOrder(app, { priceFen: 1990, quantity: 3 });
    const start = await startPay(app, o);
    expect(start.mode).toBe('wechat');
    const p = start.params;
    expect(p).toMatchObject({ signType: 'RSA' });
    expect(p.package).toMatch(/^prepay_id=wx/);
    expect(Math.abs(Number(p.timeStamp) - Date.now() / 1000)).toBeLessThan(60);
    const merchantPub = publicKeyFrom(fake().merchant.publicKeyPem);
    expect(verify(paySignMessage(app.services.wxpay!.appid, p.timeStamp, p.nonceStr, p.package), p.paySign, merchantPub)).toBe(true);
    expect(verify(paySignMessage('wx_other_app', p.timeStamp, p.nonceStr, p.package), p.paySign, merchantPub)).toBe(false);

    // WeChat saw the real order: our out_trade_no, the payable amount, the shopper's openid, our notify_url.
    const call = fake().calls.find((c) => c.path === '/v3/pay/transactions/jsapi' && c.body.out_trade_no === o.orderNo)!;
    expect(call.body).toMatchObject({ amount: { total: o.payableFen, currency: 'CNY' }, payer: { openid: o.openid }, mchid: fake().merchant.mchid });
    expect(call.body.notify_url).toBe(`${app.url}/api/payments/wechat/notify`);
    expect(call.body.time_expire).toMatch(/\+08:00$/);

    // Paying again reuses the stored prepay_id (no second prepay call).
    const again = await startPay(app, o);
    expect(again.params.package).toBe(p.package);
    expect(fake().calls.filter((c) => c.path === '/v3/pay/transactions/jsapi' && c.body?.out_trade_no === o.orderNo)).toHaveLength(1);
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM payment WHERE order_id = ?', [o.orderId])).toBe(1);

    // The shopper pays; WeChat notifies; the order is paid; paying again is a conflict.
    expect((await fake().pay(o.orderNo)).status).toBe(204);
    expect(await orderStatus(app.ds, o.orderId)).toBe('paid');
    const late = await app.api.post(`/api/orders/${o.orderId}/pay`, {}, o.token);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ORDER_STATE_CONFLICT');
  });

  it("another shopper's order is a 404; a past deadline is ORDER_PAY_EXPIRED; no dev-pay in wechat mode", async () => {
    const o = await placeOrder(app);
    const stranger = await loginShopper(app);
    const res = await app.api.post(`/api/orders/${o.orderId}/pay`, {}, stranger.token);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ORDER_NOT_FOUND');
    expect((await app.api.post('/api/orders/99999999/pay', {}, o.token)).status).toBe(404);
    expect((await app.api.post(`/api/orders/${o.orderId}/dev-pay`, {}, o.token)).status).toBe(404);
    expect(await orderStatus(app.ds, o.orderId)).toBe('pending_payment');

    offsetMs = 16 * 60_000;
    try {
      const expired = await app.api.post(`/api/orders/${o.orderId}/pay`, {}, o.token);
      expect(expired.status).toBe(409);
      expect(expired.body.code).toBe('ORDER_PAY_EXPIRED');
    } finally {
      offsetMs = 0;
    }
    expect(fake().order(o.orderNo)).toBeNull();
  });

  it('answers 502 PAYMENT_UNAVAILABLE when WeChat Pay is down, and stores nothing', async () => {
    const o = await placeOrder(app);
    fake().failNext(500);
    const res = await app.api.post(`/api/orders/${o.orderId}/pay`, {}, o.token);
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('PAYMENT_UNAVAILABLE');
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM payment WHERE order_id = ?', [o.orderId])).toBe(0);
    expect((await startPay(app, o)).mode).toBe('wechat');
  });

  it('uploads the shipping information to WeChat after the order ships (outbox)', async () => {
    const o = await placeOrder(app, { priceFen: 4500, quantity: 1 });
    await startPay(app, o);
    expect((await fake().pay(o.orderNo)).status).toBe(204);
    ok(await app.api.post(`/api/hq/orders/${o.orderId}/ship`, { carrier: 'SF', trackingNo: 'SF1234567890' }, o.hq));
    const wechat = app.fakeWechat!;
    const before = wechat.shippingUploads.length;
    await app.services.outbox.drain();
    expect(wechat.shippingUploads.length).toBe(before + 1);
    const upload = wechat.shippingUploads[before] as any;
    expect(upload).toMatchObject({
      order_key: { order_number_type: 2, transaction_id: fake().order(o.orderNo)!.transaction_id },
      logistics_type: 1,
      delivery_mode: 1,
      // SF: WeChat's delivery id, and the receiver's phone (anAddress: 13800138000) masked.
      shipping_list: [{ tracking_no: 'SF1234567890', express_company: 'SF', contact: { receiver_contact: '138****8000' } }],
      payer: { openid: o.openid },
    });
    expect(JSON.stringify(upload)).not.toContain('13800138000');
    expect(upload.shipping_list[0].item_desc).toContain('*1');
    expect(upload.upload_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    const done = await count(app.ds, "SELECT COUNT(*) AS n FROM outbox_delivery WHERE handler = 'wechat.upload-shipping' AND status = 'done'");
    expect(done).toBeGreaterThanOrEqual(1);
  });

  it('uploads a non-SF carrier by its code without a contact', async () => {
    const o = await placeOrder(app, { priceFen: 1200, quantity: 1 });
    await startPay(app, o);
    expect((await fake().pay(o.orderNo)).status).toBe(204);
    ok(await app.api.post(`/api/hq/orders/${o.orderId}/ship`, { carrier: 'ZTO', trackingNo: '78123456789' }, o.hq));
    const wechat = app.fakeWechat!;
    const before = wechat.shippingUploads.length;
    await app.services.outbox.drain();
    const upload = wechat.shippingUploads[before] as any;
    expect(upload.shipping_list).toHaveLength(1);
    expect(upload.shipping_list[0]).toMatchObject({ tracking_no: '78123456789', express_company: 'ZTO' });
    expect(upload.shipping_list[0].contact).toBeUndefined();
  });

  it('receiverContact masks mobiles and landlines, keeping the last 4 digits', () => {
    expect(receiverContact('13800138000')).toBe('138****8000');
    expect(receiverContact('010-12345678')).toBe('010-****5678');
    expect(receiverContact('075512345678')).toBe('0755****5678');
  });

  it('the fake WeChat refuses a free-text express_company and SF without a masked receiver_contact (47001)', async () => {
    const base = { transactionId: '4200000000000000000000000001', openid: 'o_fake', trackingNo: 'SF1', itemDesc: '商品*1', uploadTime: new Date() };
    const wechat = app.fakeWechat!;
    const before = wechat.shippingUploads.length;
    for (const req of [
      { ...base, expressCompany: '顺丰速运', receiverContact: '138****8000' },
      { ...base, expressCompany: 'sf', receiverContact: '138****8000' },
      { ...base, expressCompany: 'SF' },
      { ...base, expressCompany: 'SF', receiverContact: '13800138000' },
    ]) {
      await expect(app.services.wechat.uploadShippingInfo(req)).rejects.toMatchObject({ errcode: 47001 });
    }
    expect(wechat.shippingUploads.length).toBe(before);
    await app.services.wechat.uploadShippingInfo({ ...base, expressCompany: 'SF', receiverContact: '138****8000' });
    expect(wechat.shippingUploads.length).toBe(before + 1);
  });
});

describe('paying in development mode', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ PAYMENT_MODE: 'dev' });
  });
  afterAll(() => app.close());

  it('pay answers dev; dev-pay marks paid through the same path (one transition, one OrderPaid)', async () => {
    expect(app.fakeWechatPay).toBeNull();
    const o = await placeOrder(app);
    expect(await startPay(app, o)).toEqual({ mode: 'dev' });
    const stranger = await loginShopper(app);
    expect((await app.api.post(`/api/orders/${o.orderId}/dev-pay`, {}, stranger.token)).status).toBe(404);
    const results = await Promise.all([1, 2, 3].map(() => app.api.post(`/api/orders/${o.orderId}/dev-pay`, {}, o.token)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(results.find((r) => r.status === 200)!.body.data).toMatchObject({ status: 'paid', payDeadline: null });
    expect(await count(app.ds, "SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ? AND to_status = 'paid'", [o.orderId])).toBe(1);
    expect(await count(app.ds, "SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'OrderPaid' AND aggregate_id = ?", [String(o.orderId)])).toBe(1);

    // Shipping a dev payment uploads nothing (there is no WeChat transaction).
    ok(await app.api.post(`/api/hq/orders/${o.orderId}/ship`, { carrier: 'SF', trackingNo: 'SF1' }, o.hq));
    await app.services.outbox.drain();
    expect(app.fakeWechat!.shippingUploads).toHaveLength(0);
  });
});
