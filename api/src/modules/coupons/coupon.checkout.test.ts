import { priceOrder } from '@common/order/pricing';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok } from '../../../test/shopping';
import { markPaid, postOrder, shopperWithAddress, type Shopper } from '../orders/orders.test-support';
import { MemberCoupon } from './coupons.entities';
import { couponsOf, createTemplate } from './coupons.test-support';

describe('coupons at checkout (contributor couponId, pay hook, release)', () => {
  let app: TestApp;
  let hq: string;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  const claimed = async (s: Shopper, templateId: number): Promise<number> => ok(await couponsOf(app, s.token).claim(templateId), 201).id;
  const statusOf = async (id: number) => (await app.ds.getRepository(MemberCoupon).findOneByOrFail({ id })).status;
  const preview = (s: Shopper, body: Record<string, unknown>) => app.api.post('/api/checkout/preview', body, s.token);

  it('preview lists usable coupons with the best suggested and the reason for the others; the chosen one is applied after the member discount, on its lines only', async () => {
    const a = await createSku(app, hq, 6000, 50);
    const b = await createSku(app, hq, 3000, 50);
    const s = await shopperWithAddress(app);
    const tenOff = await claimed(s, await createTemplate(app, hq, { name: '满50减10', thresholdFen: 5000, amountOffFen: 1000 }));
    const twentyOff = await claimed(s, await createTemplate(app, hq, { name: '满80减20', thresholdFen: 8000, amountOffFen: 2000 }));
    const bOnly = await claimed(s, await createTemplate(app, hq, { name: 'B 专享', kind: 'no_threshold', amountOffFen: 500, thresholdFen: 0, scope: { type: 'products', ids: [b.productId] } }));
    const big = await claimed(s, await createTemplate(app, hq, { name: '满200减30', thresholdFen: 20000, amountOffFen: 3000 }));
    const lines = [{ skuId: a.skuId, quantity: 1 }, { skuId: b.skuId, quantity: 1 }];

    const p = ok(await preview(s, { lines }));
    const note = p.notes.coupon;
    expect(note.bestId).toBe(twentyOff);
    const byId = new Map(note.options.map((o: { coupon: { id: number } }) => [o.coupon.id, o]));
    expect(byId.get(tenOff)).toMatchObject({ usable: true, amountFen: 1000 });
    expect(byId.get(bOnly)).toMatchObject({ usable: true, amountFen: 500 });
    expect(byId.get(big)).toMatchObject({ usable: false, reasonCode: 'COUPON_BELOW_THRESHOLD', reason: '未达到优惠券的使用门槛' });

    const chosen = ok(await preview(s, { lines, couponId: bOnly }));
    const adj = chosen.adjustments.find((x: { kind: string }) => x.kind === 'coupon');
    expect(adj).toMatchObject({ ref: String(bOnly), appliedFen: 500 });
    expect(adj.lineShares).toEqual([{ skuId: a.skuId, fen: 0 }, { skuId: b.skuId, fen: 500 }]);
    expect(chosen.payableFen).toBe(p.payableFen - 500);
  });

  it('one coupon in two parallel checkouts: exactly one order gets it; the other is refused and leaves nothing behind', async () => {
    const sku = await createSku(app, hq, 10000, 50);
    const s = await shopperWithAddress(app);
    const id = await claimed(s, await createTemplate(app, hq));
    const results = await Promise.all([0, 1].map(() => postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], couponId: id })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('COUPON_NOT_USABLE');
    const row = await app.ds.getRepository(MemberCoupon).findOneByOrFail({ id });
    expect(row).toMatchObject({ status: 'locked', orderId: results.find((r) => r.status === 201)!.body.data.id });
    expect(ok(await app.api.get(`/api/orders`, s.token)).items).toHaveLength(1);
  });

  it('locked while unpaid, used once paid; a cancelled unpaid order gives it back to 可用', async () => {
    const sku = await createSku(app, hq, 10000, 50);
    const s = await shopperWithAddress(app);
    const templateId = await createTemplate(app, hq, { perMemberLimit: 2 });
    const first = await claimed(s, templateId);
    const order = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], couponId: first }), 201);
    // The coupon comes off the goods; the order then falls below free shipping (pricing's rule).
    expect(order.payableFen).toBe(priceOrder([{ skuId: sku.skuId, unitPriceFen: 10000, quantity: 1 }], [{ kind: 'coupon', label: '券', amountFen: 1000 }]).payableFen);
    expect(await statusOf(first)).toBe('locked');
    ok(await app.api.post(`/api/orders/${order.id}/cancel`, {}, s.token));
    expect(await statusOf(first)).toBe('unused');
    expect(ok(await couponsOf(app, s.token).mine('usable')).map((c: { id: number }) => c.id)).toContain(first);

    const again = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], couponId: first }), 201);
    await markPaid(app, again.id);
    expect(await statusOf(first)).toBe('used');
    expect(ok(await couponsOf(app, s.token).mine('used')).map((c: { id: number }) => c.id)).toEqual([first]);
  });

  it('bad input: someone else’s coupon 404, a used one 409, below threshold or outside scope 400 naming couponId, first-order-only on a second order, a non-integer id 400', async () => {
    const sku = await createSku(app, hq, 10000, 50);
    const other = await createSku(app, hq, 2000, 50);
    const s = await shopperWithAddress(app);
    const t = await shopperWithAddress(app);
    const theirs = await claimed(t, await createTemplate(app, hq));
    const line = [{ skuId: sku.skuId, quantity: 1 }];
    const refused = async (body: Record<string, unknown>) => {
      const r = await postOrder(app, s, body);
      return [r.status, r.body.code, r.body.field];
    };
    expect(await refused({ lines: line, couponId: theirs })).toEqual([404, 'COUPON_NOT_FOUND', 'couponId']);
    const mine = await claimed(s, await createTemplate(app, hq));
    expect(await refused({ lines: [{ skuId: other.skuId, quantity: 1 }], couponId: mine })).toEqual([400, 'COUPON_BELOW_THRESHOLD', 'couponId']);
    const scoped = await claimed(s, await createTemplate(app, hq, { kind: 'no_threshold', amountOffFen: 100, thresholdFen: 0, scope: { type: 'products', ids: [sku.productId] } }));
    expect(await refused({ lines: [{ skuId: other.skuId, quantity: 1 }], couponId: scoped })).toEqual([400, 'COUPON_OUT_OF_SCOPE', 'couponId']);
    for (const bad of [true, '7', [7], 1.5, 0, 2 ** 31]) expect((await refused({ lines: line, couponId: bad }))[0]).toBe(400);
    const paid = ok(await postOrder(app, s, { lines: line, couponId: mine }), 201);
    await markPaid(app, paid.id);
    expect(await refused({ lines: line, couponId: mine })).toEqual([409, 'COUPON_NOT_USABLE', 'couponId']);
    const firstOnly = await claimed(s, await createTemplate(app, hq, { kind: 'no_threshold', amountOffFen: 100, thresholdFen: 0, firstOrderOnly: true }));
    expect(await refused({ lines: line, couponId: firstOnly })).toEqual([400, 'COUPON_FIRST_ORDER_ONLY', 'couponId']);
    // Nothing half-written: the refused coupons are all still unused, and no extra order exists.
    for (const id of [scoped, firstOnly]) expect(await statusOf(id)).toBe('unused');
    expect(await statusOf(theirs)).toBe('unused');
    expect(ok(await app.api.get('/api/orders', s.token)).items).toHaveLength(1);
  });

  it('refunds: a partial refund keeps the coupon used; the full refund returns it while valid, and not once it has expired', async () => {
    const sku = await createSku(app, hq, 10000, 50);
    const s = await shopperWithAddress(app);
    const templateId = await createTemplate(app, hq, { perMemberLimit: 2 });
    const refund = async (orderId: number, amountFen: number) => ok(await app.api.post(`/api/hq/orders/${orderId}/refunds`, { amountFen, reason: '退货' }, hq), 201);
    const paidWith = async (couponId: number) => {
      const o = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], couponId }), 201);
      await markPaid(app, o.id);
      return o;
    };

    const valid = await claimed(s, templateId);
    const o1 = await paidWith(valid);
    await refund(o1.id, 1000);
    expect(await statusOf(valid)).toBe('used');
    await refund(o1.id, o1.payableFen - 1000);
    expect(await statusOf(valid)).toBe('unused');

    const lapsed = await claimed(s, templateId);
    const o2 = await paidWith(lapsed);
    await app.ds.getRepository(MemberCoupon).update({ id: lapsed }, { validTo: new Date(Date.now() - 1000) });
    await refund(o2.id, o2.payableFen);
    expect(await statusOf(lapsed)).toBe('used');
  });

  it('an expired coupon is refused and the expiry job marks it 已过期', async () => {
    const sku = await createSku(app, hq, 10000, 50);
    const s = await shopperWithAddress(app);
    const id = await claimed(s, await createTemplate(app, hq));
    await app.ds.getRepository(MemberCoupon).update({ id }, { validTo: new Date(Date.now() - 1000) });
    const r = await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], couponId: id });
    expect([r.status, r.body.code]).toEqual([409, 'COUPON_EXPIRED']);
    expect(ok(await couponsOf(app, s.token).mine('expired')).map((c: { id: number }) => c.id)).toEqual([id]);
    await app.services.tx.run((m) => app.services.coupons.wallet.expireDue(m, new Date()));
    expect(await statusOf(id)).toBe('expired');
  });
});
