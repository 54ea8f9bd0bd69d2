/**
 * 退款审核 as the console drives it: the refund list by status, approving part of what was asked,
 * rejecting with a reason (in the refund's log), and an order's payment with its refunds' logs.
 * Bad input is a 400 naming the field and changes nothing.
 */
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { paidOrder, WECHAT_PAY_ENV } from '../../../test/payments';
import { ok } from '../../../test/shopping';

describe('refund review for the HQ console', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(WECHAT_PAY_ENV);
  });
  afterAll(() => app.close());

  const ask = async (amountFen?: number) => {
    const o = await paidOrder(app, { priceFen: 2000, quantity: 1 });
    const r = ok(await app.api.post(`/api/orders/${o.orderId}/refunds`, { reason: '不想要了', ...(amountFen ? { amountFen } : {}) }, o.token), 201);
    // What the shopper asked: everything paid (goods and freight) unless an amount was given.
    expect(r.amountFen).toBe(amountFen ?? o.payableFen);
    return { o, r };
  };
  const refundRow = async (id: number) => (await app.ds.query('SELECT amount_fen AS amountFen, status FROM refund WHERE id = ?', [id]))[0];

  it('lists refunds of a status newest first, with their order numbers', async () => {
    const first = await ask();
    const second = await ask();
    const page = ok(await app.api.get('/api/hq/refunds?status=requested&pageSize=50', first.o.hq));
    const ids = page.items.map((x: { id: number }) => x.id);
    expect(ids.indexOf(second.r.id)).toBeLessThan(ids.indexOf(first.r.id));
    expect(page.items.find((x: { id: number }) => x.id === first.r.id)).toMatchObject({ orderId: first.o.orderId, orderNo: first.o.orderNo, status: 'requested', amountFen: first.o.payableFen });
    expect((await app.api.get('/api/hq/refunds?status=lost', first.o.hq)).body.field).toBe('status');
    const shopper = await loginShopper(app);
    expect((await app.api.get('/api/hq/refunds', shopper.token)).status).toBe(403);
  });

  it('approves part of a request: WeChat is asked for the smaller amount, and the log says so', async () => {
    const { o, r } = await ask();
    // More than asked, zero, or a fraction of a fen: refused on the field, the request untouched.
    for (const amountFen of [r.amountFen + 1, 0, 10.5]) {
      const res = await app.api.post(`/api/hq/refunds/${r.id}/approve`, { amountFen }, o.hq);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field: 'amountFen' });
    }
    expect(await refundRow(r.id)).toEqual({ amountFen: r.amountFen, status: 'requested' });
    const approved = ok(await app.api.post(`/api/hq/refunds/${r.id}/approve`, { amountFen: 1200 }, o.hq));
    expect(approved).toMatchObject({ id: r.id, amountFen: 1200, status: 'processing' });
    expect(app.fakeWechatPay!.calls.find((c) => c.body?.out_refund_no === r.refundNo)?.body?.amount?.refund).toBe(1200);
    const pays = ok(await app.api.get(`/api/hq/orders/${o.orderId}/payments`, o.hq));
    expect(pays.payment).toMatchObject({ mode: 'wechat', amountFen: o.payableFen });
    expect(pays.refundLogs.map((l: { event: string; toStatus: string }) => [l.event, l.toStatus])).toEqual([
      ['open', 'requested'],
      ['approve', 'processing'],
    ]);
    expect(pays.refundLogs[1].note).toContain('12.00');
  });

  it('rejects with a reason the log keeps; no reason is a 400 on `reason`', async () => {
    const { o, r } = await ask();
    const missing = await app.api.post(`/api/hq/refunds/${r.id}/reject`, {}, o.hq);
    expect({ status: missing.status, field: missing.body.field }).toEqual({ status: 400, field: 'reason' });
    expect(await refundRow(r.id)).toEqual({ amountFen: r.amountFen, status: 'requested' });
    ok(await app.api.post(`/api/hq/refunds/${r.id}/reject`, { reason: '商品已拆封' }, o.hq));
    const pays = ok(await app.api.get(`/api/hq/orders/${o.orderId}/payments`, o.hq));
    expect(pays.refundLogs.at(-1)).toMatchObject({ event: 'reject', toStatus: 'rejected', note: '商品已拆封' });
    expect((await app.api.get('/api/hq/orders/999999/payments', o.hq)).status).toBe(404);
  });
});
