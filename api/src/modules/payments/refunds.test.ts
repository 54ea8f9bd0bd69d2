/** Refunds through the fake WeChat Pay: requests, approvals, HQ-issued partial refunds, outcomes. */
import { deliver } from '../../wechatpay/fake-notifications';
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { count, orderStatus, paidOrder, paymentSnapshot, placeOrder, startPay, WECHAT_PAY_ENV } from '../../../test/payments';
import { ok } from '../../../test/shopping';

describe('refunds with WeChat Pay', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(WECHAT_PAY_ENV);
  });
  afterAll(() => app.close());
  const fake = () => app.fakeWechatPay!;

  const paid = () => paidOrder(app, { priceFen: 2590, quantity: 2 });
  const refundCalls = (no: string) => fake().calls.filter((c) => c.path === '/v3/refund/domestic/refunds' && c.body?.out_refund_no === no);
  const refundedEvents = (orderId: number) => count(app.ds, "SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'OrderRefunded' AND aggregate_id = ?", [String(orderId)]);

  it('shopper asks, HQ approves; a failed call is retried with the same out_refund_no; REFUND.SUCCESS ends it', async () => {
    const o = await paid();
    const stranger = await loginShopper(app);
    expect((await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了' }, stranger.token)).status).toBe(404);
    const r = ok(await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了' }, o.token), 201);
    expect(r).toMatchObject({ status: 'requested', amountFen: o.payableFen });
    expect(await orderStatus(app.ds, o.orderId)).toBe('refunding');
    const second = await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了' }, o.token);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('REFUND_IN_PROGRESS');

    fake().failNext(500);
    const down = await app.api.post(`/api/hq/refunds/${r.id}/approve`, {}, o.hq);
    expect(down.status).toBe(502);
    const approved = ok(await app.api.post(`/api/hq/refunds/${r.id}/approve`, {}, o.hq));
    expect(approved.status).toBe('processing');
    const calls = refundCalls(r.refundNo);
    expect(calls).toHaveLength(2);
    expect(calls[0].body).toEqual(calls[1].body);
    expect(calls[1].body).toMatchObject({ out_trade_no: o.orderNo, amount: { refund: o.payableFen, total: o.payableFen, currency: 'CNY' } });
    expect(calls[1].body.notify_url).toBe(`${app.url}/api/payments/wechat/refund-notify`);
    expect((await app.api.post(`/api/hq/refunds/${r.id}/reject`, { reason: '不符合退款条件' }, o.hq)).status).toBe(409);

    const n = fake().refundNotification(r.refundNo);
    expect(n.body).toContain('REFUND.PROCESSING');
    await fake().settleRefund(r.refundNo, 'SUCCESS', false);
    const success = fake().refundNotification(r.refundNo);
    const answers = await Promise.all([deliver(success), deliver(success), deliver(success)]);
    expect(answers.map((a) => a.status)).toEqual([204, 204, 204]);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'refunded', refundedFen: o.payableFen });
    expect(await refundedEvents(o.orderId)).toBe(1);
    const detail = ok(await app.api.get(`/api/orders/${o.orderId}`, o.token));
    expect(detail.refunds).toEqual([expect.objectContaining({ refundNo: r.refundNo, status: 'succeeded' })]);
  });

  it('HQ rejects a request: the order goes back to paid', async () => {
    const o = await paid();
    const r = ok(await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '拍错了/多拍了', amountFen: 100 }, o.token), 201);
    const rejected = ok(await app.api.post(`/api/hq/refunds/${r.id}/reject`, { reason: '不符合退款条件' }, o.hq));
    expect(rejected.status).toBe('rejected');
    expect(await orderStatus(app.ds, o.orderId)).toBe('paid');
    expect((await app.api.post(`/api/hq/refunds/${r.id}/approve`, {}, o.hq)).status).toBe(409);
    expect(refundCalls(r.refundNo)).toHaveLength(0);
  });

  it('HQ refunds part, then the rest after shipping (settled by query); never more than paid', async () => {
    const o = await paid();
    const over = await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: o.payableFen + 1, reason: '补偿' }, o.hq);
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('REFUND_AMOUNT_INVALID');
    const part = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 1000, reason: '少发一件' }, o.hq), 201);
    expect(part.status).toBe('processing');
    const busy = await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 100, reason: '补偿' }, o.hq);
    expect(busy.body.code).toBe('REFUND_IN_PROGRESS');
    expect((await fake().settleRefund(part.refundNo))!.status).toBe(204);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'paid', refundedFen: 1000 });

    ok(await app.api.post(`/api/hq/orders/${o.orderId}/ship`, { carrier: 'SF', trackingNo: 'SF99' }, o.hq));
    const tooMuch = await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: o.payableFen - 999, reason: '退货' }, o.hq);
    expect(tooMuch.body.code).toBe('REFUND_AMOUNT_INVALID');
    const rest = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: o.payableFen - 1000, reason: '退货' }, o.hq), 201);
    expect(rest.refundNo).not.toBe(part.refundNo);
    // The notification is lost; the poller asks WeChat and settles it.
    await fake().settleRefund(rest.refundNo, 'SUCCESS', false);
    expect(await app.services.payments.pollRefunds()).toBeGreaterThanOrEqual(1);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'refunded', refundedFen: o.payableFen });
    expect(await refundedEvents(o.orderId)).toBe(2);
    expect(await app.services.payments.pollRefunds()).toBe(0);
  });

  const refundRow = async (id: number) => (await app.ds.query('SELECT status, wx_refund_id FROM refund WHERE id = ?', [id]))[0];

  it('ABNORMAL keeps the refund open and the order refunding; the SUCCESS that follows refunds once', async () => {
    const o = await paid();
    const r = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 500, reason: '补偿' }, o.hq), 201);
    expect((await fake().settleRefund(r.refundNo, 'ABNORMAL'))!.status).toBe(204);
    const abnormal = fake().refundNotification(r.refundNo);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'refunding', refundedFen: 0 });
    expect((await refundRow(r.id)).status).toBe('abnormal');
    expect(ok(await app.api.get(`/api/orders/${o.orderId}`, o.token)).refunds).toEqual([expect.objectContaining({ refundNo: r.refundNo, status: 'abnormal' })]);
    const busy = await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 100, reason: '补偿' }, o.hq);
    expect(busy.body.code).toBe('REFUND_IN_PROGRESS');
    expect(await app.services.payments.pollRefunds()).toBe(0);
    expect((await deliver(abnormal)).status).toBe(204);
    expect((await refundRow(r.id)).status).toBe('abnormal');
    expect(await refundedEvents(o.orderId)).toBe(0);

    expect((await fake().settleRefund(r.refundNo, 'SUCCESS'))!.status).toBe(204);
    expect((await deliver(fake().refundNotification(r.refundNo))).status).toBe(204);
    // A late duplicate of the ABNORMAL notification changes nothing.
    expect((await deliver(abnormal)).status).toBe(204);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'paid', refundedFen: 500 });
    expect((await refundRow(r.id)).status).toBe('succeeded');
    expect(await refundedEvents(o.orderId)).toBe(1);
  });

  it('ABNORMAL then CLOSED: the refund fails and the order returns to where it was', async () => {
    const o = await paid();
    const r = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 500, reason: '补偿' }, o.hq), 201);
    expect((await fake().settleRefund(r.refundNo, 'ABNORMAL'))!.status).toBe(204);
    // The CLOSED notification is lost: the poller follows abnormal refunds too.
    await fake().settleRefund(r.refundNo, 'CLOSED', false);
    expect(await app.services.payments.pollRefunds()).toBeGreaterThanOrEqual(1);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'paid', refundedFen: 0 });
    expect((await refundRow(r.id)).status).toBe('failed');
    expect(await refundedEvents(o.orderId)).toBe(0);
  });

  it('a 4xx that may pass later (429 FREQUENCY_LIMITED, 403 NOT_ENOUGH) keeps the refund processing; the poller resends the same out_refund_no', async () => {
    const o = await paid();
    fake().failNext(429, 'FREQUENCY_LIMITED', '频率限制');
    const issued = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 700, reason: '补偿' }, o.hq), 201);
    expect(issued.status).toBe('processing');
    expect(await orderStatus(app.ds, o.orderId)).toBe('refunding');
    expect(fake().refund(issued.refundNo)).toBeNull();
    expect(await app.services.payments.pollRefunds()).toBe(0);
    expect(fake().refund(issued.refundNo)).toMatchObject({ status: 'PROCESSING', amount: { refund: 700 } });
    expect((await fake().settleRefund(issued.refundNo))!.status).toBe(204);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'paid', refundedFen: 700 });

    const req = ok(await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了' }, o.token), 201);
    fake().failNext(403, 'NOT_ENOUGH', '余额不足');
    expect((await app.api.post(`/api/hq/refunds/${req.id}/approve`, {}, o.hq)).status).toBe(502);
    expect((await refundRow(req.id)).status).toBe('processing');
    expect(await orderStatus(app.ds, o.orderId)).toBe('refunding');
    expect(ok(await app.api.post(`/api/hq/refunds/${req.id}/approve`, {}, o.hq)).status).toBe('processing');
    expect((await fake().settleRefund(req.refundNo))!.status).toBe(204);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'refunded', refundedFen: o.payableFen });
    expect(refundCalls(req.refundNo).every((c) => c.body.amount.refund === o.payableFen - 700)).toBe(true);
    expect(await refundedEvents(o.orderId)).toBe(2);
  });

  it('a definitive refusal fails the refund only when WeChat has no such refund', async () => {
    const o = await paid();
    // WeChat has it (an earlier attempt got through): the refusal of a resend changes nothing.
    const r = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 400, reason: '补偿' }, o.hq), 201);
    fake().failNext(400, 'INVALID_REQUEST', '退款单号已存在，参数与首次请求不一致');
    expect(ok(await app.api.post(`/api/hq/refunds/${r.id}/approve`, {}, o.hq)).status).toBe('processing');
    expect(await orderStatus(app.ds, o.orderId)).toBe('refunding');
    expect((await fake().settleRefund(r.refundNo))!.status).toBe(204);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'paid', refundedFen: 400 });

    // WeChat has none: failed, the order back to paid, nothing refunded.
    fake().failNext(400, 'PARAM_ERROR', '退款金额不正确');
    const refused = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 300, reason: '补偿' }, o.hq), 201);
    expect(refused.status).toBe('failed');
    expect(fake().refund(refused.refundNo)).toBeNull();
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'paid', refundedFen: 400 });
    expect(await refundedEvents(o.orderId)).toBe(1);
  });

  it("a SUCCESS after the refund was marked failed still counts, once (WeChat's word is the truth)", async () => {
    const o = await paid();
    const req = ok(await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了' }, o.token), 201);
    ok(await app.api.post(`/api/hq/refunds/${req.id}/approve`, {}, o.hq));
    // A resend is refused and the query (wrongly) finds nothing: failed, order back to paid.
    fake().failNext(400, 'PARAM_ERROR', '参数错误');
    fake().failNext(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    expect(ok(await app.api.post(`/api/hq/refunds/${req.id}/approve`, {}, o.hq)).status).toBe('failed');
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'paid', refundedFen: 0 });

    expect((await fake().settleRefund(req.refundNo))!.status).toBe(204);
    expect((await deliver(fake().refundNotification(req.refundNo))).status).toBe(204);
    expect((await refundRow(req.id)).status).toBe('succeeded');
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'refunded', refundedFen: o.payableFen });
    expect(await refundedEvents(o.orderId)).toBe(1);
    // HQ can no longer refund it a second time.
    expect((await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 1, reason: '补偿' }, o.hq)).status).toBe(409);
  });

  it('an automatic refund refused for low balance (403 NOT_ENOUGH) is resent and completes', async () => {
    const o = await placeOrder(app);
    await startPay(app, o);
    expect(await app.services.orderLifecycle.cancel(o.orderId, 'job:order-timeout', '超时未支付')).toBe(true);
    fake().payWithoutNotify(o.orderNo);
    const late = fake().notification(o.orderNo);
    fake().failNext(403, 'NOT_ENOUGH', '余额不足');
    expect((await deliver(late)).status).toBe(204);
    const [refund] = await app.ds.query('SELECT id, refund_no, status FROM refund WHERE order_id = ?', [o.orderId]);
    expect(refund.status).toBe('processing');
    expect(fake().refund(refund.refund_no)).toBeNull();
    await app.services.payments.pollRefunds();
    expect((await fake().settleRefund(refund.refund_no))!.status).toBe(204);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'cancelled', refundedFen: o.payableFen });
    expect((await refundRow(refund.id)).status).toBe('succeeded');
  });

  it('refuses refund notifications that are forged or name an unknown refund', async () => {
    const o = await paid();
    const r = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 300, reason: '补偿' }, o.hq), 201);
    await fake().settleRefund(r.refundNo, 'SUCCESS', false);
    const forged = await deliver(fake().refundNotification(r.refundNo, { tamperBody: true }));
    expect(forged.status).toBe(401);
    const unknown = await deliver(fake().refundNotification(r.refundNo, { resource: { out_refund_no: 'NOPE1' } }));
    expect(unknown.status).toBe(404);
    const wrongAmount = await deliver(fake().refundNotification(r.refundNo, { resource: { amount: { total: o.payableFen, refund: 301, payer_total: o.payableFen, payer_refund: 301 } } }));
    expect(wrongAmount.status).toBe(400);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'refunding', refundedFen: 0 });
    expect((await deliver(fake().refundNotification(r.refundNo))).status).toBe(204);
    expect(await paymentSnapshot(app.ds, o.orderId)).toMatchObject({ status: 'paid', refundedFen: 300 });
  });

  it('a shopper cannot ask for a refund of an unpaid order', async () => {
    const o = await placeOrder(app);
    const res = await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了' }, o.token);
    expect(res.status).toBe(409);
    const bad = await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '' }, o.token);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('reason');
  });
});
