/** HQ's 兑换记录 over HTTP on the real database: newest first, paged, filtered by member; bad input 400 naming the field. */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { createTemplate } from '../coupons/coupons.test-support';

describe('HQ 兑换记录', () => {
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
});
