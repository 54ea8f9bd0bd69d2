/**
 * HQ's points-mall routes over HTTP on the real database: 兑换记录 (newest first, paged, filtered by
 * member) and 编辑 (what the shopper sees and pays changes; a coupon never gets a cash part); bad
 * input 400 naming the field, an unknown item 404.
 */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { createTemplate } from '../coupons/coupons.test-support';

describe('HQ 积分商城: 兑换记录 and 编辑', () => {
  let app: TestApp;
  let hq: string;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  it("lists every redemption newest first with its member, or one member's", async () => {
    const templateId = await createTemplate(app, hq, { claimable: false, totalQuota: 100, perMemberLimit: 10 });
    const item = ok(await app.api.post('/api/hq/pointsmall/items', { title: '10元券', kind: 'coupon', templateId, pointsPrice: 100, stock: 10, perMemberLimit: 5 }, hq), 201);
    const a = await loginShopper(app);
    const b = await loginShopper(app);
    for (const s of [a, b]) ok(await app.api.post('/api/hq/points/grant', { memberId: s.memberId, points: 1000, reason: '测试' }, hq), 201);
    const r1 = ok(await app.api.post(`/api/pointsmall/items/${item.id}/redeem`, undefined, a.token), 201);
    const r2 = ok(await app.api.post(`/api/pointsmall/items/${item.id}/redeem`, undefined, b.token), 201);
    const r3 = ok(await app.api.post(`/api/pointsmall/items/${item.id}/redeem`, undefined, a.token), 201);

    const all = ok(await app.api.get('/api/hq/pointsmall/redemptions?pageSize=2', hq));
    expect(all).toMatchObject({ total: 3, hasMore: true });
    expect(all.items.map((r: { id: number; memberId: number }) => [r.id, r.memberId])).toEqual([[r3.id, a.memberId], [r2.id, b.memberId]]);
    expect(all.items[0]).toMatchObject({ title: '10元券', kind: 'coupon', points: 100, status: 'active' });
    const mine = ok(await app.api.get(`/api/hq/pointsmall/redemptions?memberId=${a.memberId}`, hq));
    expect(mine.items.map((r: { id: number }) => r.id)).toEqual([r3.id, r1.id]);

    for (const [q, field] of [['memberId=abc', 'memberId'], ['page=0', 'page']]) {
      const res = await app.api.get(`/api/hq/pointsmall/redemptions?${q}`, hq);
      expect([res.status, res.body.issues?.[0]?.field ?? res.body.field]).toEqual([400, field]);
    }
    expect((await app.api.get('/api/hq/pointsmall/redemptions', a.token)).status).toBe(403);
  });

  it('changes title, description, price and limit, keeps stock and kind; refuses what the rules refuse', async () => {
    const templateId = await createTemplate(app, hq, { claimable: false, totalQuota: 100, perMemberLimit: 10 });
    const item = ok(await app.api.post('/api/hq/pointsmall/items', { title: '10元券', kind: 'coupon', templateId, pointsPrice: 100, stock: 10, perMemberLimit: 5 }, hq), 201);
    const edited = ok(await app.api.patch(`/api/hq/pointsmall/items/${item.id}`, { title: '10元无门槛券', description: '限时', pointsPrice: 80, perMemberLimit: 2 }, hq));
    expect(edited).toMatchObject({ id: item.id, title: '10元无门槛券', description: '限时', pointsPrice: 80, perMemberLimit: 2, stock: 10, kind: 'coupon', templateId });
    expect(ok(await app.api.get(`/api/pointsmall/items/${item.id}`))).toMatchObject({ title: '10元无门槛券', pointsPrice: 80 });

    for (const [body, field] of [[{ cashFen: 100 }, 'cashFen'], [{ title: '  ' }, 'title'], [{ pointsPrice: 0 }, 'pointsPrice'], [{ perMemberLimit: 101 }, 'perMemberLimit'], [{ kind: 'goods' }, 'kind']] as const) {
      const res = await app.api.patch(`/api/hq/pointsmall/items/${item.id}`, body, hq);
      expect([JSON.stringify(body), res.status, res.body.issues?.[0]?.field ?? res.body.field]).toEqual([JSON.stringify(body), 400, field]);
    }
    expect(ok(await app.api.get(`/api/pointsmall/items/${item.id}`))).toMatchObject({ title: '10元无门槛券', pointsPrice: 80, cashFen: 0 });
    expect((await app.api.patch('/api/hq/pointsmall/items/999999', { title: 'x' }, hq)).status).toBe(404);
  });
});
