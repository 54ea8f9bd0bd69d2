import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok } from '../../../test/shopping';
import { postOrder, shopperWithAddress } from '../orders/orders.test-support';
import { credit, balanceOf } from '../points/ledger';
import { MemberCoupon } from '../coupons/coupons.entities';
import { couponsOf, createTemplate, inBatches, persist } from '../coupons/coupons.test-support';
import { MallItem, MallRedemption } from './pointsmall.entities';

describe('积分商城: items, redemptions, points', () => {
  let app: TestApp;
  let hq: string;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  const grantPoints = (memberId: number, points: number) =>
    app.services.tx.run((m) => credit(m, { memberId, points, key: `test:${memberId}:${Math.random()}`, reason: '测试', kind: 'grant' }));
  const balance = (memberId: number) => app.services.tx.run((m) => balanceOf(m, memberId)).then((b) => b.balance);
  const couponItem = async (over: Record<string, unknown> = {}) => {
    const templateId = await createTemplate(app, hq, { claimable: false, totalQuota: 10_000, perMemberLimit: 100 });
    return ok(await app.api.post('/api/hq/pointsmall/items', { title: '10元券', kind: 'coupon', templateId, pointsPrice: 100, stock: 30, perMemberLimit: 5, ...over }, hq), 201);
  };
  const redeem = (token: string, id: number) => app.api.post(`/api/pointsmall/items/${id}/redeem`, undefined, token);

  it('100 parallel redemptions of a 30-stock item: 30 succeed, points debited exactly for those, one coupon each', async () => {
    const item = await couponItem({ stock: 30, perMemberLimit: 1 });
    const members = await inBatches(100, () => loginShopper(app));
    for (const m of members) await grantPoints(m.memberId, 150);
    const results = await Promise.all(members.map((m) => persist(() => redeem(m.token, item.id))));
    const won = members.filter((_, i) => results[i].status === 201);
    expect(won).toHaveLength(30);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'MALL_ITEM_SOLD_OUT')).toBe(true);
    const balances = await Promise.all(members.map((m) => balance(m.memberId)));
    expect(balances.filter((b) => b === 50)).toHaveLength(30);
    expect(balances.filter((b) => b === 150)).toHaveLength(70);
    for (const m of won) expect(balances[members.indexOf(m)]).toBe(50);
    expect((await app.ds.getRepository(MallItem).findOneByOrFail({ id: item.id })).stock).toBe(0);
    expect(await app.ds.getRepository(MallRedemption).countBy({ itemId: item.id })).toBe(30);
    expect(await app.ds.getRepository(MemberCoupon).countBy({ templateId: item.templateId, source: 'points_mall' })).toBe(30);
  });

  it('not enough points, above the limit, a stopped item: 4xx with nothing written', async () => {
    const item = await couponItem({ perMemberLimit: 1 });
    const s = await loginShopper(app);
    const poor = await redeem(s.token, item.id);
    expect([poor.status, poor.body.code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    await grantPoints(s.memberId, 300);
    // The mall's coupon is sold for points: claiming it for free is refused and grants nothing.
    const free = await app.api.post(`/api/coupons/templates/${item.templateId}/claim`, undefined, s.token);
    expect([free.status, free.body.code]).toEqual([404, 'COUPON_TEMPLATE_NOT_FOUND']);
    expect(await app.ds.getRepository(MemberCoupon).countBy({ memberId: s.memberId })).toBe(0);
    ok(await redeem(s.token, item.id), 201);
    expect(await app.ds.getRepository(MemberCoupon).countBy({ memberId: s.memberId, source: 'points_mall' })).toBe(1);
    const again = await redeem(s.token, item.id);
    expect([again.status, again.body.code]).toEqual([409, 'MALL_LIMIT_REACHED']);
    expect(await balance(s.memberId)).toBe(200);
    expect((await app.ds.getRepository(MallItem).findOneByOrFail({ id: item.id })).stock).toBe(29);
    ok(await app.api.patch(`/api/hq/pointsmall/items/${item.id}`, { active: false }, hq));
    expect((await redeem(s.token, item.id)).status).toBe(404);
    expect((await app.api.get(`/api/pointsmall/items/${item.id}`)).status).toBe(404);
    expect((await redeem(s.token, 999999)).status).toBe(404);
    expect((await app.api.post('/api/pointsmall/items/0x6/redeem', undefined, s.token)).status).toBe(400);
    expect(ok(await app.api.get('/api/pointsmall/redemptions', s.token))).toHaveLength(1);
  });

  it('goods: a points_redemption order, zero cash, freight waived, paid at creation; refused above the limit', async () => {
    const sku = await createSku(app, hq, 5900, 20);
    const item = ok(await app.api.post('/api/hq/pointsmall/items', { title: '保温杯', kind: 'goods', skuId: sku.skuId, pointsPrice: 500, stock: 5, perMemberLimit: 1 }, hq), 201);
    const s = await shopperWithAddress(app);
    await grantPoints(s.memberId, 800);
    const order = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], mallItemId: item.id }), 201);
    expect(order).toMatchObject({ kind: 'points_redemption', payableFen: 0, freightFen: 0, status: 'paid' });
    expect(await balance(s.memberId)).toBe(300);
    const second = await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], mallItemId: item.id });
    expect([second.status, second.body.code]).toEqual([409, 'MALL_LIMIT_REACHED']);
    const two = await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 2 }], mallItemId: item.id });
    expect([two.status, two.body.code, two.body.field]).toEqual([400, 'MALL_LINES_MISMATCH', 'lines']);
    expect(await balance(s.memberId)).toBe(300);
  });

  it('a redemption takes no coupon and no points (its kind accepts none): asked for, 400 naming the field, nothing taken', async () => {
    const sku = await createSku(app, hq, 5900, 20);
    const item = ok(await app.api.post('/api/hq/pointsmall/items', { title: '雨伞', kind: 'goods', skuId: sku.skuId, pointsPrice: 200, cashFen: 1000, stock: 5, perMemberLimit: 1 }, hq), 201);
    const s = await shopperWithAddress(app);
    await grantPoints(s.memberId, 1000);
    const couponId = ok(await couponsOf(app, s.token).claim(await createTemplate(app, hq, { kind: 'no_threshold', thresholdFen: 0, amountOffFen: 500 })), 201).id as number;
    const body = { lines: [{ skuId: sku.skuId, quantity: 1 }], mallItemId: item.id };
    // The preview of a redemption offers neither.
    const preview = ok(await app.api.post('/api/checkout/preview', body, s.token));
    expect([preview.kind, preview.notes.coupon, preview.notes.points, preview.adjustments]).toEqual(['points_redemption', undefined, undefined, []]);
    for (const [extra, field, message] of [
      [{ couponId }, 'couponId', '积分兑换不能使用优惠券'],
      [{ pointsToUse: 100 }, 'pointsToUse', '积分兑换不能使用积分抵扣'],
    ] as const) {
      for (const res of [await app.api.post('/api/checkout/preview', { ...body, ...extra }, s.token), await postOrder(app, s, { ...body, ...extra })]) {
        expect([res.status, res.body.code, res.body.field, res.body.issues?.[0]?.message]).toEqual([400, 'VALIDATION_FAILED', field, message]);
      }
    }
    expect(await balance(s.memberId)).toBe(1000);
    expect((await app.ds.getRepository(MemberCoupon).findOneByOrFail({ id: couponId })).status).toBe('unused');
    expect((await app.ds.getRepository(MallItem).findOneByOrFail({ id: item.id })).stock).toBe(5);
    // Without them, the same redemption goes through.
    expect(ok(await postOrder(app, s, body), 201)).toMatchObject({ kind: 'points_redemption', payableFen: 1000, discountFen: 0 });
  });

  it('wholly in points: paid at creation, cancelled before shipping gives back points, unit and limit once; not after shipping', async () => {
    const sku = await createSku(app, hq, 5900, 20);
    const item = ok(await app.api.post('/api/hq/pointsmall/items', { title: '帆布袋', kind: 'goods', skuId: sku.skuId, pointsPrice: 400, stock: 2, perMemberLimit: 1 }, hq), 201);
    const s = await shopperWithAddress(app);
    await grantPoints(s.memberId, 1000);
    const order = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], mallItemId: item.id }), 201);
    expect(order).toMatchObject({ status: 'paid', payableFen: 0 });
    expect(await balance(s.memberId)).toBe(600);
    const cancels = await Promise.all([0, 1, 2, 3].map(() => app.api.post(`/api/orders/${order.id}/cancel`, {}, s.token)));
    expect(cancels.filter((r) => r.status === 200)).toHaveLength(1);
    expect(cancels.filter((r) => r.status === 409).every((r) => r.body.code === 'ORDER_STATE_CONFLICT')).toBe(true);
    expect(await balance(s.memberId)).toBe(1000);
    expect((await app.ds.getRepository(MallItem).findOneByOrFail({ id: item.id })).stock).toBe(2);
    // Shipped, it can no longer be cancelled, and nothing moves.
    const again = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], mallItemId: item.id }), 201);
    ok(await app.api.post(`/api/hq/orders/${again.id}/ship`, { carrier: 'SF', trackingNo: 'SF1234567890' }, hq));
    const late = await app.api.post(`/api/orders/${again.id}/cancel`, {}, s.token);
    expect([late.status, late.body.code]).toEqual([409, 'ORDER_STATE_CONFLICT']);
    expect(await balance(s.memberId)).toBe(600);
  });

  it('points + cash: the order waits for the cash; cancelling it (unshipped) returns points, unit and limit once', async () => {
    const sku = await createSku(app, hq, 12900, 20);
    const item = ok(await app.api.post('/api/hq/pointsmall/items', { title: '加价购', kind: 'goods', skuId: sku.skuId, pointsPrice: 300, cashFen: 990, stock: 3, perMemberLimit: 1 }, hq), 201);
    const s = await shopperWithAddress(app);
    await grantPoints(s.memberId, 500);
    const order = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], mallItemId: item.id }), 201);
    expect(order).toMatchObject({ kind: 'points_redemption', payableFen: 990, freightFen: 0, status: 'pending_payment' });
    expect(await balance(s.memberId)).toBe(200);
    expect((await app.ds.getRepository(MallItem).findOneByOrFail({ id: item.id })).stock).toBe(2);
    const cancels = await Promise.all([0, 1, 2].map(() => app.api.post(`/api/orders/${order.id}/cancel`, {}, s.token)));
    expect(cancels.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(await balance(s.memberId)).toBe(500);
    expect((await app.ds.getRepository(MallItem).findOneByOrFail({ id: item.id })).stock).toBe(3);
    expect(ok(await app.api.get('/api/pointsmall/redemptions', s.token))[0]).toMatchObject({ orderId: order.id, status: 'returned' });
    // The limit came back with the unit: the member may redeem it again.
    ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], mallItemId: item.id }), 201);
    expect(await balance(s.memberId)).toBe(200);
  });
});
