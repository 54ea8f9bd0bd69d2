/**
 * The payment notification against the fake WeChat Pay: real signatures, real AES-GCM, the
 * raw body. Duplicates racing in parallel give one Paid transition; anything forged or
 * mismatched answers 4xx FAIL and changes nothing.
 */
import { generateKeyPairSync } from 'node:crypto';
import { deliver } from '../../wechatpay/fake-notifications';
import { startTestApp, type TestApp } from '../../../test/harness';
import { count, paymentSnapshot, placeOrder, startPay, WECHAT_PAY_ENV, type UnpaidOrder } from '../../../test/payments';

describe('WeChat Pay notifications', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(WECHAT_PAY_ENV);
  });
  afterAll(() => app.close());

  const fake = () => app.fakeWechatPay!;
  async function prepaid(): Promise<UnpaidOrder> {
    const o = await placeOrder(app);
    await startPay(app, o);
    return o;
  }

  it('16 concurrent duplicates of one notification give exactly one paid transition and one OrderPaid', async () => {
    const o = await prepaid();
    const n = fake().notification(o.orderNo);
    const answers = await Promise.all(Array.from({ length: 16 }, () => deliver(n)));
    expect(answers.map((a) => a.status)).toEqual(Array(16).fill(204));
    expect(answers.every((a) => a.text === '')).toBe(true);
    expect(await count(app.ds, "SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ? AND to_status = 'paid'", [o.orderId])).toBe(1);
    expect(await count(app.ds, "SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'OrderPaid' AND aggregate_id = ?", [String(o.orderId)])).toBe(1);
    const snap = await paymentSnapshot(app.ds, o.orderId);
    expect(snap.status).toBe('paid');
    expect(snap.transactionId).toBe(fake().order(o.orderNo)!.transaction_id);
    const detail = await app.api.get(`/api/orders/${o.orderId}`, o.token);
    expect(detail.body.data).toMatchObject({ status: 'paid', payDeadline: null });
    expect(detail.body.data.paidAt).not.toBeNull();

    // A later retry of the same notification (WeChat retries for 24 h) is still a quiet 204.
    const beforeRetry = await paymentSnapshot(app.ds, o.orderId);
    const again = await deliver(fake().notification(o.orderNo));
    expect(again.status).toBe(204);
    expect(await paymentSnapshot(app.ds, o.orderId)).toEqual(beforeRetry);
    expect(await count(app.ds, "SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ? AND to_status = 'paid'", [o.orderId])).toBe(1);
  });

  it('verifies the raw bytes: a re-formatted but correctly signed body is accepted', async () => {
    const o = await prepaid();
    const res = await deliver(fake().notification(o.orderNo, { pretty: true }));
    expect(res.status).toBe(204);
    expect((await paymentSnapshot(app.ds, o.orderId)).status).toBe('paid');
  });

  describe('refuses and changes nothing', () => {
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const cases: [string, (o: UnpaidOrder) => Parameters<ReturnType<typeof fake>['notification']>[1], number][] = [
      ['a signature by another key', () => ({ signWith: forger }), 401],
      ['a body changed after signing', () => ({ tamperBody: true }), 401],
      ['an old timestamp', () => ({ timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }), 401],
      ['an unknown serial', () => ({ serial: 'PUB_KEY_ID_0114232000000000000000000000' }), 401],
      ['a resource under another APIv3 key', () => ({ apiV3Key: 'x'.repeat(32) }), 401],
      ['a wrong amount', (o) => ({ resource: { amount: { total: o.payableFen - 1, payer_total: o.payableFen - 1, currency: 'CNY' } } }), 400],
      ['an unknown order', () => ({ resource: { out_trade_no: '2601010000000001' } }), 404],
      ['another merchant', () => ({ resource: { mchid: '1900000109' } }), 400],
      ['another appid', () => ({ resource: { appid: 'wx1111111111111111' } }), 400],
      ['a trade that did not succeed', () => ({ resource: { trade_state: 'PAYERROR' } }), 400],
    ];
    it.each(cases)('%s', async (_name, overrides, status) => {
      const o = await prepaid();
      const before = await paymentSnapshot(app.ds, o.orderId);
      const res = await deliver(fake().notification(o.orderNo, overrides(o)));
      expect(res.status).toBe(status);
      expect(JSON.parse(res.text)).toMatchObject({ code: 'FAIL' });
      expect(await paymentSnapshot(app.ds, o.orderId)).toEqual(before);
      expect(before.status).toBe('pending_payment');
    });
  });

  it('refuses a body without the WeChat Pay headers', async () => {
    const o = await prepaid();
    const n = fake().notification(o.orderNo);
    const res = await fetch(n.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: n.body });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'FAIL' });
    expect((await paymentSnapshot(app.ds, o.orderId)).status).toBe('pending_payment');
  });

  it('a lost notification is recovered by reconcile() (the timeout job asks before cancelling)', async () => {
    const o = await prepaid();
    expect(await app.services.payments.reconcile(o.orderId)).toBe('unpaid');
    fake().payWithoutNotify(o.orderNo);
    expect(await app.services.payments.reconcile(o.orderId)).toBe('paid');
    expect(await app.services.payments.reconcile(o.orderId)).toBe('paid');
    expect(await count(app.ds, "SELECT COUNT(*) AS n FROM order_state_log WHERE order_id = ? AND to_status = 'paid'", [o.orderId])).toBe(1);
    // The notification arriving late afterwards is a duplicate.
    expect((await deliver(fake().notification(o.orderNo))).status).toBe(204);
    expect(await count(app.ds, "SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'OrderPaid' AND aggregate_id = ?", [String(o.orderId)])).toBe(1);
  });

  it('closeRemote closes an unpaid WeChat order, and reports (and applies) one paid meanwhile', async () => {
    const unpaid = await prepaid();
    expect(await app.services.payments.closeRemote(unpaid.orderId)).toBe('closed');
    expect(fake().order(unpaid.orderNo)!.trade_state).toBe('CLOSED');
    const paid = await prepaid();
    fake().payWithoutNotify(paid.orderNo);
    expect(await app.services.payments.closeRemote(paid.orderId)).toBe('paid');
    expect((await paymentSnapshot(app.ds, paid.orderId)).status).toBe('paid');
    const never = await placeOrder(app);
    expect(await app.services.payments.closeRemote(never.orderId)).toBe('none');
    expect(await app.services.payments.reconcile(never.orderId)).toBe('none');
  });

  it('a payment for an order cancelled meanwhile does not resurrect it: recorded and fully refunded', async () => {
    const o = await prepaid();
    expect(await app.services.orderLifecycle.cancel(o.orderId, 'job:order-timeout', '超时未支付')).toBe(true);
    const res = await deliver(fake().notification(o.orderNo));
    expect(res.status).toBe(204);
    const snap = await paymentSnapshot(app.ds, o.orderId);
    expect(snap.status).toBe('cancelled');
    expect(snap.transactionId).toBe(fake().order(o.orderNo)!.transaction_id);
    const [refund] = await app.ds.query('SELECT refund_no, amount_fen, status FROM refund WHERE order_id = ?', [o.orderId]);
    expect(refund).toMatchObject({ status: 'processing' });
    expect(Number(refund.amount_fen)).toBe(o.payableFen);
    expect(fake().refund(refund.refund_no)).toMatchObject({ status: 'PROCESSING', amount: { refund: o.payableFen } });
    expect((await fake().settleRefund(refund.refund_no))!.status).toBe(204);
    const after = await paymentSnapshot(app.ds, o.orderId);
    expect(after).toMatchObject({ status: 'cancelled', refundedFen: o.payableFen });
    // A duplicate of the late payment notification starts nothing more.
    expect((await deliver(fake().notification(o.orderNo))).status).toBe(204);
    expect(await count(app.ds, 'SELECT COUNT(*) AS n FROM refund WHERE order_id = ?', [o.orderId])).toBe(1);
  });
});
