/** Refund transitions as data: one refund_state_log row per change, REFUND_STATE_CONFLICT for the loser. */
import { deliver } from '../../wechatpay/fake-notifications';
import { startTestApp, type TestApp } from '../../../test/harness';
import { orderStatus, paidOrder, placeOrder, startPay, WECHAT_PAY_ENV } from '../../../test/payments';
import { ok } from '../../../test/shopping';

describe('refund state log and conflicts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(WECHAT_PAY_ENV);
  });
  afterAll(() => app.close());
  const fake = () => app.fakeWechatPay!;

  const paid = () => paidOrder(app, { priceFen: 1990, quantity: 1 });
  /** `from>to event actor` per log row, oldest first. */
  async function logOf(refundId: number): Promise<string[]> {
    const rows: { from_status: string | null; to_status: string; event: string; actor: string }[] = await app.ds.query(
      'SELECT from_status, to_status, event, actor FROM refund_state_log WHERE refund_id = ? ORDER BY id',
      [refundId],
    );
    return rows.map((r) => `${r.from_status ?? '-'}>${r.to_status} ${r.event} ${r.actor}`);
  }
  const status = async (id: number): Promise<string> => (await app.ds.query('SELECT status FROM refund WHERE id = ?', [id]))[0].status;

  it('a request approved, then ABNORMAL and SUCCESS: one row per transition, from nothing first', async () => {
    const o = await paid();
    const r = ok(await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了' }, o.token), 201);
    ok(await app.api.post(`/api/hq/refunds/${r.id}/approve`, {}, o.hq));
    await fake().settleRefund(r.refundNo, 'ABNORMAL');
    await fake().settleRefund(r.refundNo, 'SUCCESS');
    // A duplicate notification finds the refund settled: no row.
    expect((await deliver(fake().refundNotification(r.refundNo))).status).toBe(204);
    const log = await logOf(r.id);
    expect(log).toEqual([
      `->requested open shopper:${o.memberId}`,
      expect.stringMatching(/^requested>processing approve hq:\d+$/),
      'processing>abnormal abnormal wechatpay',
      'abnormal>succeeded succeed wechatpay',
    ]);
  });

  it('a decided refund answers REFUND_STATE_CONFLICT (409) and writes nothing', async () => {
    const o = await paid();
    const r = ok(await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '拍错了' }, o.token), 201);
    ok(await app.api.post(`/api/hq/refunds/${r.id}/reject`, { reason: '不符合退款条件' }, o.hq));
    const before = await logOf(r.id);
    expect(before).toEqual([`->requested open shopper:${o.memberId}`, expect.stringMatching(/^requested>rejected reject hq:\d+$/)]);
    for (const action of ['approve', 'reject']) {
      const res = await app.api.post(`/api/hq/refunds/${r.id}/${action}`, action === 'reject' ? { reason: '不符合退款条件' } : {}, o.hq);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'REFUND_STATE_CONFLICT', message: '退款状态已变化，请刷新后重试' });
    }
    expect(await logOf(r.id)).toEqual(before);
    expect(await orderStatus(app.ds, o.orderId)).toBe('paid');
  });

  it('approve and reject racing: exactly one wins, the other gets REFUND_STATE_CONFLICT, one row leaves requested', async () => {
    for (let round = 0; round < 3; round++) {
      const o = await paid();
      const r = ok(await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了' }, o.token), 201);
      const answers = await Promise.all([
        app.api.post(`/api/hq/refunds/${r.id}/approve`, {}, o.hq),
        app.api.post(`/api/hq/refunds/${r.id}/reject`, { reason: '不符合退款条件' }, o.hq),
        app.api.post(`/api/hq/refunds/${r.id}/reject`, { reason: '不符合退款条件' }, o.hq),
      ]);
      const won = answers.filter((a) => a.status === 200);
      const lost = answers.filter((a) => a.status !== 200);
      expect(won).toHaveLength(1);
      expect(lost.every((a) => a.status === 409 && a.body.code === 'REFUND_STATE_CONFLICT')).toBe(true);
      const log = await logOf(r.id);
      const leaving = log.filter((l) => l.startsWith('requested>'));
      expect(leaving).toHaveLength(1);
      const final = await status(r.id);
      if (leaving[0].includes('rejected')) {
        expect(final).toBe('rejected');
        expect(await orderStatus(app.ds, o.orderId)).toBe('paid');
      } else {
        expect(final).toBe('processing');
        expect(await orderStatus(app.ds, o.orderId)).toBe('refunding');
      }
    }
  });

  it('HQ-issued and automatic refunds log their opening; a late SUCCESS after failed is a row too', async () => {
    const o = await paid();
    const issued = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 300, reason: '补偿' }, o.hq), 201);
    // A resend is refused and the query (wrongly) finds nothing: failed, though WeChat has it.
    fake().failNext(400, 'PARAM_ERROR', '参数错误');
    fake().failNext(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    expect(ok(await app.api.post(`/api/hq/refunds/${issued.id}/approve`, {}, o.hq)).status).toBe('failed');
    await fake().settleRefund(issued.refundNo, 'SUCCESS');
    expect(await status(issued.id)).toBe('succeeded');
    expect(await logOf(issued.id)).toEqual([
      expect.stringMatching(/^->processing open hq:\d+$/),
      'processing>failed close wechatpay',
      'failed>succeeded succeed wechatpay',
    ]);

    // Paid after the timeout cancelled it: the refund opens inside markPaid, from nothing.
    const late = await placeOrder(app);
    await startPay(app, late);
    expect(await app.services.orderLifecycle.cancel(late.orderId, 'job:order-timeout', '超时未支付')).toBe(true);
    fake().payWithoutNotify(late.orderNo);
    expect((await deliver(fake().notification(late.orderNo))).status).toBe(204);
    const [auto] = await app.ds.query('SELECT id, status FROM refund WHERE order_id = ?', [late.orderId]);
    expect((await logOf(auto.id))[0]).toBe('->processing open wechatpay');
  });

  it('a shopper may ask only before shipment (the order table decides); HQ may after it', async () => {
    const o = await paid();
    ok(await app.api.post(`/api/hq/orders/${o.orderId}/ship`, { carrier: 'SF', trackingNo: 'SF1' }, o.hq));
    const shopper = await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了' }, o.token);
    expect(shopper.status).toBe(409);
    expect(shopper.body.code).toBe('ORDER_STATE_CONFLICT');
    const hq = ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: 100, reason: '退货' }, o.hq), 201);
    expect(await logOf(hq.id)).toEqual([expect.stringMatching(/^->processing open hq:\d+$/)]);
  });
});
