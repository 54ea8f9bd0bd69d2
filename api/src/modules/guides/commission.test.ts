/**
 * Commission through the outbox on real orders: held on payment, released on completion,
 * reversed (prorated) on refunds — once per (order, event) even when an event is delivered twice
 * — and the ledger sums match each guide's figures.
 */
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { placeOrder, type UnpaidOrder } from '../../../test/payments';
import { ok } from '../../../test/shopping';
import { OutboxEvent } from '../outbox/outbox.entities';
import { CommissionAccount } from './guides.entities';
import { aGuide, type GuideFixture, hqToken, touch } from './guides.test-support';

describe('commission', () => {
  let app: TestApp;
  let hq: string;
  let guide: GuideFixture;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await hqToken(app);
    guide = await aGuide(app, hq);
  });
  afterAll(() => app.close());
  const account = (orderId: number) => app.ds.manager.findOneBy(CommissionAccount, { orderId });

  /** A new shopper opens the guide's card, orders (checkout snapshots the attribution) and pays. */
  async function cardShopper() {
    const s = await loginShopper(app);
    await touch(app, s.token, guide.shareToken);
    return s;
  }
  async function paidOrder(priceFen: number, quantity: number): Promise<UnpaidOrder> {
    const o = await placeOrder(app, { priceFen, quantity, hq, shopper: await cardShopper() });
    ok(await app.api.post(`/api/orders/${o.orderId}/dev-pay`, {}, o.token));
    await app.services.outbox.drain();
    return o;
  }

  async function duplicateLast(type: string, orderId: number): Promise<void> {
    const ev = await app.ds.manager.findOneOrFail(OutboxEvent, { where: { type, aggregateId: String(orderId) }, order: { id: 'DESC' } });
    await app.services.tx.run((m) => app.services.outbox.enqueue(m, type as 'OrderRefunded', orderId, JSON.parse(ev.payload)));
    await app.services.outbox.drain();
  }

  it('holds 3 % on payment and releases it on completion; a duplicated event changes nothing', async () => {
    const o = await paidOrder(10_000, 2);
    // Checkout attributed the order (the contributor), and OrderPaid carried the guide.
    const [order] = await app.ds.query('SELECT guide_id FROM shop_order WHERE id = ?', [o.orderId]);
    expect(Number(order.guide_id)).toBe(guide.id);
    const paid = await app.ds.manager.findOneByOrFail(OutboxEvent, { type: 'OrderPaid', aggregateId: String(o.orderId) });
    expect(JSON.parse(paid.payload)).toMatchObject({ guideId: guide.id, memberId: o.memberId, kind: 'normal' });
    expect(await account(o.orderId)).toMatchObject({ guideId: guide.id, accruedFen: 600, heldFen: 600, releasedFen: 0, reversedFen: 0 });
    await duplicateLast('OrderPaid', o.orderId);
    expect(await account(o.orderId)).toMatchObject({ accruedFen: 600, heldFen: 600 });

    ok(await app.api.post(`/api/hq/orders/${o.orderId}/ship`, { carrier: 'SF', trackingNo: 'SF1234567890' }, hq));
    ok(await app.api.post(`/api/orders/${o.orderId}/confirm-receipt`, {}, o.token));
    await app.services.outbox.drain();
    expect(await account(o.orderId)).toMatchObject({ heldFen: 0, releasedFen: 600, reversedFen: 0 });
    await duplicateLast('OrderCompleted', o.orderId);
    expect(await account(o.orderId)).toMatchObject({ heldFen: 0, releasedFen: 600 });
  });

  it('uses the product rate before the category rate before the default', async () => {
    const o = await placeOrder(app, { priceFen: 10_000, quantity: 1, hq, shopper: await cardShopper() });
    const [line] = await app.ds.query('SELECT product_id FROM order_line WHERE order_id = ?', [o.orderId]);
    ok(await app.api.call('PUT', '/api/hq/commission-rates', { body: { scope: 'product', refId: Number(line.product_id), rateBp: 1000 }, token: hq }));
    ok(await app.api.post(`/api/orders/${o.orderId}/dev-pay`, {}, o.token));
    await app.services.outbox.drain();
    expect((await account(o.orderId))?.accruedFen).toBe(1000);
    const bad = await app.api.call('PUT', '/api/hq/commission-rates', { body: { scope: 'product', refId: '7', rateBp: 1000 }, token: hq });
    expect([bad.status, bad.body.field]).toEqual([400, 'refId']);
    const tooHigh = await app.api.call('PUT', '/api/hq/commission-rates', { body: { scope: 'category', refId: 7, rateBp: 5001 }, token: hq });
    expect([tooHigh.status, tooHigh.body.field]).toEqual([400, 'rateBp']);
  });

  it('reverses partial refunds in proportion, once per refund under duplicated events, and all of it on the last', async () => {
    const o = await paidOrder(3_333, 3); // payable 9999 (freight waived or not: read it back)
    const acc0 = (await account(o.orderId))!;
    const payable = acc0.payableFen;
    const third = Math.floor(payable / 3);
    ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: third, reason: '部分退款' }, hq), 201);
    await app.services.outbox.drain();
    const expected1 = Math.floor((acc0.accruedFen * third) / payable);
    expect(await account(o.orderId)).toMatchObject({ reversedFen: expected1, heldFen: acc0.accruedFen - expected1 });

    await duplicateLast('OrderRefunded', o.orderId);
    await duplicateLast('OrderRefunded', o.orderId);
    expect(await account(o.orderId)).toMatchObject({ reversedFen: expected1 });

    ok(await app.api.post(`/api/hq/orders/${o.orderId}/refunds`, { amountFen: payable - third, reason: '余款退款' }, hq), 201);
    await app.services.outbox.drain();
    expect(await account(o.orderId)).toMatchObject({ reversedFen: acc0.accruedFen, heldFen: 0, releasedFen: 0 });
  });

  it("the ledger sums match the guide's figures, and every account's buckets add up to what was accrued", async () => {
    const { figures, ledger } = ok(await app.api.get(`/api/hq/guides/${guide.id}/commission`, hq));
    expect(figures.heldFen).toBe(ledger.held - ledger.released - ledger.reversed_held);
    expect(figures.releasedFen).toBe(ledger.released - ledger.reversed_released);
    expect(figures.reversedFen).toBe(ledger.reversed_held + ledger.reversed_released);
    expect(figures.accruedFen).toBe(ledger.held);
    const accounts = await app.ds.manager.find(CommissionAccount, { where: { guideId: guide.id } });
    expect(accounts.length).toBeGreaterThanOrEqual(3);
    for (const a of accounts) expect(a.heldFen + a.releasedFen + a.reversedFen).toBe(a.accruedFen);
    // A plain shopper sees no guide pages.
    const shopper = await placeOrder(app, { hq });
    const denied = await app.api.get('/api/guide/orders', shopper.token);
    expect([denied.status, denied.body.code]).toEqual([403, 'NOT_A_GUIDE']);
  });

  it("HQ's report by guide agrees with the commission figures; the funnel counts touched, first and repeat buyers", async () => {
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const rows = ok(await app.api.get(`/api/hq/guides/report?from=${day}&to=${day}`, hq));
    const mine = rows.find((r: { guideId: number }) => r.guideId === guide.id);
    const { figures } = ok(await app.api.get(`/api/hq/guides/${guide.id}/commission`, hq));
    expect(mine).toMatchObject({ storeId: guide.storeId, heldFen: figures.heldFen, releasedFen: figures.releasedFen, reversedFen: figures.reversedFen });
    const [gmv] = await app.ds.query(
      'SELECT COUNT(*) AS n, SUM(o.payable_fen - o.refunded_fen) AS gmv FROM order_attribution a JOIN shop_order o ON o.id = a.order_id WHERE a.guide_id = ? AND o.paid_at IS NOT NULL',
      [guide.id],
    );
    expect([mine.orders, mine.gmvFen]).toEqual([Number(gmv.n), Number(gmv.gmv)]);
    const funnel = ok(await app.api.get(`/api/hq/guides/funnel?from=${day}&to=${day}`, hq));
    // Three shoppers opened the card, each then paid one order (the fourth shopper never touched).
    expect(funnel).toEqual({ touched: 3, firstPurchase: 3, repeatPurchase: 0 });
    const bad = await app.api.get(`/api/hq/guides/report?from=${day}&to=2000-01-01`, hq);
    expect([bad.status, bad.body.field]).toEqual([400, 'to']);
  });
});
