import type { OrderDetailDto, OrderSummaryDto } from '@common/order/types';
import { createCategory } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok } from '../../../test/shopping';
import { eventsOf, markPaid, postOrder, shopperWithAddress, stateLog, stockOf, type Shopper } from './orders.test-support';

describe('order reads and transitions', () => {
  let app: TestApp;
  let hq: string;
  let categoryId: number;
  let a: Shopper;
  let b: Shopper;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    categoryId = await createCategory(app, hq);
    a = await shopperWithAddress(app);
    b = await shopperWithAddress(app);
  });
  afterAll(() => app.close());

  const order = async (s: Shopper, skuId: number, quantity = 1): Promise<OrderDetailDto> =>
    ok(await postOrder(app, s, { lines: [{ skuId, quantity }], addressId: s.addressId }), 201);

  it('cancel returns the stock exactly once, even with 10 concurrent cancels', async () => {
    const sku = await createSku(app, hq, 2000, 10, { categoryId });
    const o = await order(a, sku.skuId, 4);
    expect(await stockOf(app, sku.skuId)).toBe(6);
    const results = await Promise.all(Array.from({ length: 10 }, () => app.api.post(`/api/orders/${o.id}/cancel`, {}, a.token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect([r.status, r.body.code]).toEqual([409, 'ORDER_STATE_CONFLICT']);
    const done = results.find((r) => r.status === 200)!.body.data as OrderDetailDto;
    expect(done).toMatchObject({ status: 'cancelled', cancelReason: '买家取消', payDeadline: null });
    expect(done.cancelledAt).not.toBeNull();
    expect(await stockOf(app, sku.skuId)).toBe(10);
    expect(await stateLog(app, o.id)).toEqual(['pending_payment>cancelled']);
    expect(await eventsOf(app, 'OrderCancelled', o.id)).toBe(1);
    // Cancelled is terminal.
    expect((await app.api.post(`/api/orders/${o.id}/cancel`, {}, a.token)).status).toBe(409);
  });

  it('a paid order cannot be cancelled by the shopper and keeps its stock reserved', async () => {
    const sku = await createSku(app, hq, 2000, 5, { categoryId });
    const o = await order(a, sku.skuId, 2);
    await markPaid(app, o.id);
    expect(await eventsOf(app, 'OrderPaid', o.id)).toBe(1);
    expect(await app.ds.query('SELECT transaction_id FROM payment WHERE order_id = ?', [o.id])).toEqual([{ transaction_id: `TEST${o.orderNo}` }]);
    const res = await app.api.post(`/api/orders/${o.id}/cancel`, {}, a.token);
    expect([res.status, res.body.code]).toEqual([409, 'ORDER_STATE_CONFLICT']);
    expect(await stockOf(app, sku.skuId)).toBe(3);
    expect(await app.services.orderLifecycle.cancel(o.id, 'job:test', '超时未支付')).toBe(false);
    expect(await stockOf(app, sku.skuId)).toBe(3);
  });

  it('one shopper can neither see nor change another shopper\'s order: 404', async () => {
    const sku = await createSku(app, hq, 2000, 5, { categoryId });
    const o = await order(a, sku.skuId);
    for (const res of [
      await app.api.get(`/api/orders/${o.id}`, b.token),
      await app.api.post(`/api/orders/${o.id}/cancel`, {}, b.token),
      await app.api.post(`/api/orders/${o.id}/confirm-receipt`, {}, b.token),
      await app.api.get('/api/orders/999999', a.token),
    ]) {
      expect([res.status, res.body.code]).toEqual([404, 'ORDER_NOT_FOUND']);
    }
    const list = ok(await app.api.get('/api/orders', b.token));
    expect(list.items.map((i: OrderSummaryDto) => i.id)).not.toContain(o.id);
    expect((await app.api.get(`/api/orders/${o.id}`, a.token)).body.data.status).toBe('pending_payment');
    expect(await stockOf(app, sku.skuId)).toBe(4);
  });

  it('HQ ships a paid order, the shopper confirms receipt; wrong states are 409', async () => {
    const sku = await createSku(app, hq, 12000, 5, { categoryId });
    const o = await order(a, sku.skuId);
    const ship = (body: unknown) => app.api.post(`/api/hq/orders/${o.id}/ship`, body, hq);
    expect((await ship({ carrier: 'SF', trackingNo: 'SF1234567890' })).body.code).toBe('ORDER_STATE_CONFLICT');
    expect((await app.api.post(`/api/orders/${o.id}/confirm-receipt`, {}, a.token)).status).toBe(409);
    await markPaid(app, o.id);
    for (const [body, field] of [
      [{ carrier: '', trackingNo: 'SF1' }, 'carrier'],
      // carrier is WeChat's delivery company id: a name, a lower-case code or an unknown code is refused.
      [{ carrier: '顺丰速运', trackingNo: 'SF1' }, 'carrier'],
      [{ carrier: 'sf', trackingNo: 'SF1' }, 'carrier'],
      [{ carrier: 'UNKNOWN', trackingNo: 'SF1' }, 'carrier'],
      [{ trackingNo: 'SF1' }, 'carrier'],
      [{ carrier: 'SF', trackingNo: 'x'.repeat(65) }, 'trackingNo'],
      [{ carrier: 'SF' }, 'trackingNo'],
    ] as const) {
      const res = await ship(body);
      expect([res.status, res.body.field]).toEqual([400, field]);
    }
    expect((await ship({ carrier: '顺丰速运', trackingNo: 'SF1' })).body.code).toBe('VALIDATION_FAILED');
    expect((await app.api.post(`/api/hq/orders/${o.id}/ship`, { carrier: 'SF', trackingNo: 'SF1' }, a.token)).status).toBe(403);
    const shipped = ok<OrderDetailDto>(await ship({ carrier: 'SF', trackingNo: 'SF1234567890' }));
    expect(shipped).toMatchObject({ status: 'shipped', shipping: { carrier: 'SF', carrierName: '顺丰速运', trackingNo: 'SF1234567890' } });
    expect(shipped.shippedAt).not.toBeNull();
    expect((await app.api.get(`/api/orders/${o.id}`, a.token)).body.data.shipping).toEqual({ carrier: 'SF', carrierName: '顺丰速运', trackingNo: 'SF1234567890' });
    expect((await ship({ carrier: 'SF', trackingNo: 'SF1234567890' })).status).toBe(409);
    expect(await eventsOf(app, 'OrderShipped', o.id)).toBe(1);

    const confirms = await Promise.all(Array.from({ length: 5 }, () => app.api.post(`/api/orders/${o.id}/confirm-receipt`, {}, a.token)));
    expect(confirms.filter((r) => r.status === 200)).toHaveLength(1);
    const done = confirms.find((r) => r.status === 200)!.body.data as OrderDetailDto;
    expect(done.status).toBe('completed');
    expect(done.completedAt).not.toBeNull();
    expect(await eventsOf(app, 'OrderCompleted', o.id)).toBe(1);
    expect(await stateLog(app, o.id)).toEqual(['pending_payment>paid', 'paid>shipped', 'shipped>completed']);
    expect(await app.services.orderLifecycle.complete(o.id, 'job:test')).toBe(false);
  });

  it('lists orders by tab for the shopper and by status for HQ, newest first, paged', async () => {
    const s = await shopperWithAddress(app);
    const sku = await createSku(app, hq, 1000, 50, { categoryId });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await order(s, sku.skuId)).id);
    await markPaid(app, ids[1]);
    await markPaid(app, ids[2]);
    ok(await app.api.post(`/api/hq/orders/${ids[2]}/ship`, { carrier: 'ZTO', trackingNo: 'ZT1' }, hq));
    ok(await app.api.post(`/api/orders/${ids[3]}/cancel`, {}, s.token));
    const tab = async (key: string) => (ok(await app.api.get(`/api/orders?tab=${key}`, s.token)).items as OrderSummaryDto[]).map((i) => i.id);
    expect(await tab('all')).toEqual([...ids].reverse());
    expect(await tab('pending_payment')).toEqual([ids[4], ids[0]]);
    expect(await tab('paid')).toEqual([ids[1]]);
    expect(await tab('shipped')).toEqual([ids[2]]);
    expect(await tab('after_sale')).toEqual([]);
    expect((await app.api.get('/api/orders?tab=nope', s.token)).body.field).toBe('tab');

    const p1 = ok(await app.api.get('/api/orders?pageSize=2&page=1', s.token));
    const p3 = ok(await app.api.get('/api/orders?pageSize=2&page=3', s.token));
    expect([p1.total, p1.hasMore, p3.hasMore, p3.items.length]).toEqual([5, true, false, 1]);
    const first = (await app.api.get('/api/orders', s.token)).body.data.items[0] as OrderSummaryDto;
    expect(first.lines[0]).toMatchObject({ skuId: sku.skuId, quantity: 1 });

    const hqPaid = ok(await app.api.get('/api/hq/orders?status=paid&pageSize=50', hq));
    expect(hqPaid.items.every((i: OrderSummaryDto) => i.status === 'paid')).toBe(true);
    expect(hqPaid.items.map((i: OrderSummaryDto) => i.id)).toContain(ids[1]);
    const hqDetail = ok<OrderDetailDto>(await app.api.get(`/api/hq/orders/${ids[0]}`, hq));
    expect(hqDetail).toMatchObject({ id: ids[0], status: 'pending_payment', refunds: [] });
    expect((await app.api.get('/api/hq/orders/999999', hq)).status).toBe(404);
    expect((await app.api.get('/api/hq/orders', s.token)).status).toBe(403);
  });

  it('OrderLifecycle: finds expired unpaid and long-shipped orders, cancels and completes once', async () => {
    const sku = await createSku(app, hq, 1000, 10, { categoryId });
    const o = await order(b, sku.skuId, 3);
    const life = app.services.orderLifecycle;
    const now = new Date();
    expect((await life.findExpiredUnpaid(now, 100)).map((r) => r.id)).not.toContain(o.id);
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await life.findExpiredUnpaid(later, 100)).toContainEqual({ id: o.id, orderNo: o.orderNo });
    const both = await Promise.all([life.cancel(o.id, 'job:order-timeout', '超时未支付'), life.cancel(o.id, 'job:order-timeout', '超时未支付')]);
    expect(both.sort()).toEqual([false, true]);
    expect(await stockOf(app, sku.skuId)).toBe(10);
    expect((await life.findExpiredUnpaid(later, 100)).map((r) => r.id)).not.toContain(o.id);
    expect((await life.orderDetail(o.id, b.memberId)).cancelReason).toBe('超时未支付');
    await expect(life.orderDetail(o.id, a.memberId)).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });

    const s = await order(b, sku.skuId);
    await markPaid(app, s.id);
    ok(await app.api.post(`/api/hq/orders/${s.id}/ship`, { carrier: 'ZTO', trackingNo: 'ZT2' }, hq));
    expect((await life.findShippedBefore(new Date(Date.now() - 60_000), 100)).map((r) => r.id)).not.toContain(s.id);
    expect((await life.findShippedBefore(new Date(Date.now() + 1000), 100)).map((r) => r.id)).toContain(s.id);
    expect(await life.complete(s.id, 'job:auto-complete')).toBe(true);
    expect(await life.complete(s.id, 'job:auto-complete')).toBe(false);
    expect(await life.cancel(999_999, 'job:test', 'x')).toBe(false);
  });
});
