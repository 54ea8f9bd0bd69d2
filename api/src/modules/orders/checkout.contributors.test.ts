/**
 * The checkout extension points, through the real API on the real database:
 * - a refusal in any contributor's reserve rolls back every other contributor's writes (a real
 *   race for the last unit: the loser's cart lines and its other SKU's stock stay as they were);
 * - release gives back once, however often it is asked;
 * - a contributor registered from outside (here a test discount) changes the price with no edit
 *   in checkout, its applied amount is what pricing really took, and its field is hashed;
 * - the order's kind decides which adjustments apply (common/order/state.ts), even when a
 *   contributor claims the kind after the adjustments were quoted;
 * - an order with nothing to pay is paid at creation through markPaid, never at WeChat Pay;
 * - order events carry the member, the kind and the guide.
 */
import { z } from 'zod';
import type { OrderDetailDto } from '@common/order/types';
import { WECHAT_PAY_ENV } from '../../../test/payments';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { cartOf, createSku, ok } from '../../../test/shopping';
import { OutboxEvent } from '../outbox/outbox.entities';
import { Payment } from '../payments/payments.entities';
import { RANK, type CheckoutContributor } from './checkout/contributor';
import { claimKind } from './checkout/quote';
import { releaseReserved } from './checkout/release';
import { OrderStateLog } from './orders.entities';
import { eventsOf, holdSku, postOrder, shopperWithAddress, stockOf } from './orders.test-support';

// The test feature's note, declared as every feature declares its own.
declare module '@common/order/checkout-notes' {
  interface CheckoutNotes {
    'test-discount'?: { asked: number | 'free' };
  }
}

/** A discount from outside checkout: `testOff` fen off the named SKU, or everything (and freight) with `free`. */
const testDiscount: CheckoutContributor = {
  name: 'test-discount',
  rank: RANK.coupon,
  adjusts: 'coupon',
  field: { name: 'testOff', schema: z.union([z.literal('free'), z.number().int().min(1).max(1_000_000)]).optional() },
  quote(draft) {
    const off = draft.body.testOff as number | 'free' | undefined;
    if (off === undefined) return;
    if (off === 'free') {
      draft.adjustments.push({ kind: 'coupon', label: '全免', ref: 'free', amountFen: 100_000_000 });
      draft.freightWaived = true;
    } else {
      draft.adjustments.push({ kind: 'coupon', label: '测试立减', ref: 'off', amountFen: off, skuIds: [draft.lines[0].skuId] });
    }
    draft.notes['test-discount'] = { asked: off };
  },
};

/** A contributor that claims the kind too late (after the adjustments): the kind still decides. */
const testLateKind: CheckoutContributor = {
  name: 'test-late-kind',
  rank: RANK.attribution + 1,
  field: { name: 'testLateKind', schema: z.literal(true).optional() },
  quote(draft) {
    if (draft.body.testLateKind) claimKind(draft, 'points_redemption', 'testLateKind');
  },
};

describe('checkout contributors', () => {
  let app: TestApp;
  let hq: string;

  beforeAll(async () => {
    app = await startTestApp(WECHAT_PAY_ENV, { extend: (s) => s.contributors.register(testDiscount).register(testLateKind) });
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  it('a refused reservation rolls back every other contributor: the race for the last unit', async () => {
    const plenty = await createSku(app, hq, 1000, 50);
    const last = await createSku(app, hq, 2000, 1);
    const [a, b] = await Promise.all([shopperWithAddress(app), shopperWithAddress(app)]);
    for (const s of [a, b]) {
      ok(await cartOf(app, s.token).add(plenty.skuId, 2), 200);
      ok(await cartOf(app, s.token).add(last.skuId, 1), 200);
    }
    const lines = [
      { skuId: plenty.skuId, quantity: 2 },
      { skuId: last.skuId, quantity: 1 },
    ];
    // Both get past the quote (one unit left) before either reserves.
    const release = holdSku(app, last.skuId);
    const racing = Promise.all([postOrder(app, a, { lines, fromCart: true }), postOrder(app, b, { lines, fromCart: true })]);
    await release();
    const results = await racing;
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results[0].status === 409 ? a : b;
    expect(results.find((r) => r.status === 409)!.body.code).toBe('OUT_OF_STOCK');
    // The winner took 2 + 1; the loser's cart removal and its reservation of `plenty` rolled back.
    expect(await stockOf(app, plenty.skuId)).toBe(48);
    expect(await stockOf(app, last.skuId)).toBe(0);
    const cart = ok(await cartOf(app, loser.token).get());
    expect(cart.items.map((i: { skuId: number }) => i.skuId).sort()).toEqual([plenty.skuId, last.skuId].sort());
  });

  it('release gives back once, however often it is asked', async () => {
    const sku = await createSku(app, hq, 1500, 10);
    const s = await shopperWithAddress(app);
    const order = ok<OrderDetailDto>(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 3 }] }), 201);
    expect(await stockOf(app, sku.skuId)).toBe(7);
    const now = new Date();
    const released = await Promise.all(
      Array.from({ length: 5 }, () => app.services.tx.run((m) => releaseReserved(m, app.services.contributors, order.id, 'cancel', now))),
    );
    expect(released.filter(Boolean)).toHaveLength(1);
    expect(await stockOf(app, sku.skuId)).toBe(10);
    // The cancel that follows finds the reservation already given back: still 10, not 13.
    ok(await app.api.post(`/api/orders/${order.id}/cancel`, {}, s.token));
    expect(await stockOf(app, sku.skuId)).toBe(10);
  });

  it('a registered discount prices the order with no edit in checkout, reporting what it really took', async () => {
    const sku = await createSku(app, hq, 3000, 10);
    const other = await createSku(app, hq, 5000, 10);
    const s = await shopperWithAddress(app);
    const lines = [
      { skuId: sku.skuId, quantity: 1 },
      { skuId: other.skuId, quantity: 1 },
    ];
    // Asks 5,000 off a line of 3,000: capped at 3,000, all of it on that line.
    const preview = ok(await app.api.post('/api/checkout/preview', { lines, testOff: 5000 }, s.token));
    expect(preview.adjustments).toEqual([expect.objectContaining({ kind: 'coupon', amountFen: 5000, appliedFen: 3000, lineShares: [{ skuId: sku.skuId, fen: 3000 }, { skuId: other.skuId, fen: 0 }] })]);
    expect(preview).toMatchObject({ goodsFen: 8000, discountFen: 3000, freightFen: 800, payableFen: 5800, notes: { 'test-discount': { asked: 5000 } } });
    const order = ok<OrderDetailDto>(await postOrder(app, s, { lines, testOff: 5000 }, 'disc-1'), 201);
    expect(order).toMatchObject({ payableFen: 5800, discountFen: 3000 });
    expect(order.adjustments[0].appliedFen).toBe(3000);
    // The contributor's field is part of the request hash: same key, other discount → 409.
    const reused = await postOrder(app, s, { lines, testOff: 100 }, 'disc-1');
    expect([reused.status, reused.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    // An unknown field is still refused, naming it, and so is a price field.
    const unknown = await postOrder(app, s, { lines, couponAmount: 1 });
    expect([unknown.status, unknown.body.code, unknown.body.field]).toEqual([400, 'PRICE_FIELD_REFUSED', 'couponAmount']);
  });

  it('the order kind decides which adjustments apply, even when a contributor claims it after they were quoted', async () => {
    const sku = await createSku(app, hq, 3000, 10);
    const s = await shopperWithAddress(app);
    const lines = [{ skuId: sku.skuId, quantity: 1 }];
    const late = await app.api.post('/api/checkout/preview', { lines, testOff: 500, testLateKind: true }, s.token);
    expect([late.status, late.body.code, late.body.field, late.body.issues?.[0]?.message]).toEqual([400, 'VALIDATION_FAILED', 'testOff', '积分兑换不能使用优惠券']);
    expect(ok(await app.api.post('/api/checkout/preview', { lines, testLateKind: true }, s.token))).toMatchObject({ kind: 'points_redemption', adjustments: [] });
  });

  it('an order with nothing to pay is paid at creation through markPaid, never at WeChat Pay', async () => {
    const sku = await createSku(app, hq, 2500, 10);
    const s = await shopperWithAddress(app);
    const prepaysBefore = app.fakeWechatPay!.calls.filter((c) => c.path === '/v3/pay/transactions/jsapi').length;
    const order = ok<OrderDetailDto>(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 2 }], testOff: 'free' }), 201);
    expect(order).toMatchObject({ status: 'paid', payableFen: 0, freightFen: 0 });
    expect(await eventsOf(app, 'OrderPaid', order.id)).toBe(1);
    const log = await app.ds.manager.find(OrderStateLog, { where: { orderId: order.id } });
    expect(log.map((l) => `${l.fromStatus}>${l.toStatus}:${l.actor}`)).toEqual(['pending_payment>paid:checkout:zero-cash']);
    expect(await app.ds.manager.findOneByOrFail(Payment, { orderId: order.id })).toMatchObject({ mode: 'zero', amountFen: 0, prepayId: null });
    expect(app.fakeWechatPay!.calls.filter((c) => c.path === '/v3/pay/transactions/jsapi')).toHaveLength(prepaysBefore);
    expect(await stockOf(app, sku.skuId)).toBe(8);
    // Paying it again is a conflict, and WeChat Pay is still not asked.
    const pay = await app.api.post(`/api/orders/${order.id}/pay`, {}, s.token);
    expect([pay.status, pay.body.code]).toEqual([409, 'ORDER_STATE_CONFLICT']);
    expect(app.fakeWechatPay!.calls.filter((c) => c.path === '/v3/pay/transactions/jsapi')).toHaveLength(prepaysBefore);
  });

  it('order events carry the member, the kind and the guide', async () => {
    const sku = await createSku(app, hq, 2500, 10);
    const s = await shopperWithAddress(app);
    const order = ok<OrderDetailDto>(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], testOff: 'free' }), 201);
    const paid = await app.ds.manager.findOneByOrFail(OutboxEvent, { type: 'OrderPaid', aggregateId: String(order.id) });
    expect(JSON.parse(paid.payload)).toMatchObject({ orderId: order.id, memberId: s.memberId, kind: 'normal', guideId: null });
  });
});
