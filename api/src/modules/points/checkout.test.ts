/**
 * Points and the member discount at checkout, through the real checkout: the preview's
 * notes.points, pointsToUse bounded by balance and cap, the debit of exactly what pricing
 * applied, points back on cancel and (prorated) on a refund, 50 parallel orders against one
 * balance never overspend, 会员价 for a tier.
 */
import type { OrderDetailDto } from '@common/order/types';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok, type SkuFixture } from '../../../test/shopping';
import { postOrder, shopperWithAddress, type Shopper } from '../orders/orders.test-support';
import { expectConsistent, figures } from './ledger.test-support';
import { PointsEntry } from './points.entities';

describe('points at checkout', () => {
  let app: TestApp;
  let hq: string;
  let sku: SkuFixture;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    sku = await createSku(app, hq, 20_000, 10_000); // ¥200: free shipping even after the biggest discount used here
  });
  afterAll(() => app.close());

  const grant = async (s: Shopper, points: number) => ok(await app.api.post('/api/hq/points/grant', { memberId: s.memberId, points, reason: '测试发放' }, hq), 201);
  const balance = async (s: Shopper) => ok(await app.api.get('/api/membership/card', s.token)).points.balance as number;
  const preview = (s: Shopper, extra: Record<string, unknown> = {}) => app.api.post('/api/checkout/preview', { lines: [{ skuId: sku.skuId, quantity: 1 }], ...extra }, s.token);

  it('the preview tells the balance and the most usable; bad amounts are refused, naming pointsToUse', async () => {
    const s = await shopperWithAddress(app);
    await grant(s, 15_000);
    const p = ok(await preview(s));
    expect(p.notes.points).toEqual({ balance: 15_000, maxUsable: 10_000, pointsPerYuan: 100, used: 0, savedFen: 0 });
    const used = ok(await preview(s, { pointsToUse: 1234 }));
    expect(used.adjustments).toEqual([expect.objectContaining({ kind: 'points', label: '积分抵扣', appliedFen: 1234 })]);
    expect(used.payableFen).toBe(20_000 - 1234);
    for (const [value, status, code] of [
      [10_001, 400, 'POINTS_OVER_CAP'],
      [-1, 400, 'VALIDATION_FAILED'],
      [1.5, 400, 'VALIDATION_FAILED'],
      ['100', 400, 'VALIDATION_FAILED'],
      [true, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await preview(s, { pointsToUse: value });
      expect([res.status, res.body.code, res.body.field]).toEqual([status, code, 'pointsToUse']);
    }
    const poor = await shopperWithAddress(app);
    await grant(poor, 10);
    const short = await postOrder(app, poor, { lines: [{ skuId: sku.skuId, quantity: 1 }], pointsToUse: 11 });
    expect([short.status, short.body.code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect(await balance(poor)).toBe(10);
  });

  it('debits the points on ordering, gives them all back on cancel', async () => {
    const s = await shopperWithAddress(app);
    await grant(s, 3000);
    const o = ok<OrderDetailDto>(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], pointsToUse: 2500 }), 201);
    expect(o.payableFen).toBe(17_500);
    expect(await balance(s)).toBe(500);
    ok(await app.api.post(`/api/orders/${o.id}/cancel`, {}, s.token));
    expect(await balance(s)).toBe(3000);
    const kinds = (await app.ds.manager.find(PointsEntry, { where: { memberId: s.memberId }, order: { id: 'ASC' } })).map((e) => [e.kind, e.key]);
    expect(kinds).toEqual([
      ['grant', expect.any(String)],
      ['spend', `order:${o.id}:points`],
      ['return', `order:${o.id}:points:return`],
    ]);
    expectConsistent(await figures(app, s.memberId));
  });

  it('a partial refund gives back its share of the points; the refund that empties the order the rest', async () => {
    const s = await shopperWithAddress(app);
    await grant(s, 4000);
    const o = ok<OrderDetailDto>(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], pointsToUse: 4000 }), 201);
    ok(await app.api.post(`/api/orders/${o.id}/dev-pay`, {}, s.token));
    expect(o.payableFen).toBe(16_000);
    ok(await app.api.post(`/api/hq/orders/${o.id}/refunds`, { amountFen: 4000, reason: '部分退款' }, hq), 201); // a quarter of the cash
    expect(await balance(s)).toBe(1000);
    ok(await app.api.post(`/api/hq/orders/${o.id}/refunds`, { amountFen: 12_000, reason: '余额退款' }, hq), 201);
    expect(await balance(s)).toBe(4000);
    expectConsistent(await figures(app, s.memberId));
  });

  it('50 parallel orders spending one balance never overspend', async () => {
    const s = await shopperWithAddress(app);
    await grant(s, 10_000);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity: 1 }], pointsToUse: 300 })),
    );
    const placed = results.filter((r) => r.status === 201);
    for (const r of results.filter((x) => x.status !== 201)) expect([r.status, r.body.code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect(placed).toHaveLength(33); // ⌊10000 / 300⌋
    expect(await balance(s)).toBe(100);
    const spends = await app.ds.manager.findBy(PointsEntry, { memberId: s.memberId, kind: 'spend' });
    expect(spends).toHaveLength(33);
    expectConsistent(await figures(app, s.memberId));
  });

  it('a tier with a discount gets 会员价 before points; points take the rest within the cap', async () => {
    const s = await shopperWithAddress(app);
    await app.services.tx.run((m) => app.services.points.profiles.addGrowth(m, s.memberId, `test:${s.memberId}:growth`, 5000, new Date()));
    await grant(s, 1000);
    const p = ok(await preview(s, { pointsToUse: 1000 }));
    expect(p.adjustments.map((a: { kind: string; label: string; appliedFen: number }) => [a.kind, a.label, a.appliedFen])).toEqual([
      ['member', '会员价', 1000],
      ['points', '积分抵扣', 1000],
    ]);
    expect(p.payableFen).toBe(20_000 - 1000 - 1000);
  });
});
