/**
 * Member insight through the real API and outbox: a visit day written once per member and day
 * (MemberVisited once), the insight row following payments and refunds incrementally (a refund
 * lowers M; redelivery changes nothing), the nightly job under its lease (two runs at once → the
 * day's work once), thresholds audited, the store scope of every insight route, and a segment
 * coupon push granting each member once under parallel requests and parallel deliveries.
 */
import { shanghaiDate } from '@common/membership/shanghai';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { count } from '../../../test/payments';
import { createSku, ok, type SkuFixture } from '../../../test/shopping';
import { account } from '../hq-accounts/hq-access.test-support';
import { createTemplate } from '../coupons/coupons.test-support';
import { aGuide, touch, type GuideFixture } from '../guides/guides.test-support';
import { Scheduler } from '../jobs';
import { postOrder, shopperWithAddress, type Shopper } from '../orders/orders.test-support';

describe('member insight', () => {
  let app: TestApp;
  let hq: string;
  let mgrA: string;
  let sku: SkuFixture;
  let guideA: GuideFixture;
  let guideB: GuideFixture;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    sku = await createSku(app, hq, 10_000, 1000);
    guideA = await aGuide(app, hq);
    guideB = await aGuide(app, hq);
    mgrA = (await account(app, hq, 'mgr-insight', 'store_manager', guideA.storeId)).token;
  });
  afterAll(() => app.close());

  const drain = () => app.services.outbox.drain();
  const detail = async (memberId: number, token = hq) => ok(await app.api.get(`/api/hq/insight/members/${memberId}`, token));
  async function customerOf(guide: GuideFixture): Promise<Shopper> {
    const s = await shopperWithAddress(app);
    await touch(app, s.token, guide.shareToken);
    return s;
  }
  async function pay(s: Shopper, quantity = 1, extra: Record<string, unknown> = {}): Promise<{ id: number; payableFen: number }> {
    const o = ok(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity }], ...extra }), 201);
    ok(await app.api.post(`/api/orders/${o.id}/dev-pay`, {}, s.token));
    await drain();
    return o;
  }

  it('records a visit day once per member and day, and publishes MemberVisited once with the bound guide', async () => {
    const s = await customerOf(guideA);
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.api.post('/api/me/visit', {}, s.token)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.body.data.recorded)).toHaveLength(1);
    expect(ok(await app.api.post('/api/me/visit', {}, s.token)).recorded).toBe(false);
    const day = shanghaiDate(new Date());
    expect(await count(app.ds, 'SELECT COUNT(*) FROM member_visit_day WHERE member_id = ?', [s.memberId])).toBe(1);
    const events = await app.ds.query("SELECT payload, aggregate_id FROM outbox_event WHERE type = 'MemberVisited' AND aggregate_id = ?", [String(s.memberId)]);
    expect(events.map((e: { payload: string }) => JSON.parse(e.payload))).toEqual([{ memberId: s.memberId, day, storeId: guideA.storeId, guideId: guideA.id }]);
    await drain();
    expect((await detail(s.memberId)).lastVisitDay).toBe(day);
    // Without a session: 401.
    expect((await app.api.post('/api/me/visit', {})).status).toBe(401);
  });

  it('follows payments and refunds incrementally: F and M grow, a refund lowers M, a redelivery changes nothing', async () => {
    const s = await customerOf(guideA);
    await drain();
    expect(await detail(s.memberId)).toMatchObject({ segment: 'potential', frequency: 0, monetaryFen: 0, ruleTags: ['new'], guideId: guideA.id, storeId: guideA.storeId });
    const first = await pay(s, 2);
    const second = await pay(s, 1);
    const both = first.payableFen + second.payableFen;
    expect(await detail(s.memberId)).toMatchObject({ frequency: 2, monetaryFen: both, recencyDays: 0 });
    ok(await app.api.post(`/api/hq/orders/${first.id}/refunds`, { amountFen: 3_000, reason: '部分退款' }, hq), 201);
    await drain();
    expect(await detail(s.memberId)).toMatchObject({ frequency: 2, monetaryFen: both - 3_000 });
    // The handlers again (a lost `done` mark): the same row.
    const before = await detail(s.memberId);
    await app.services.insight.rows.applyOrder(first.id);
    await app.services.insight.rows.applyOrder(second.id);
    expect(await detail(s.memberId)).toEqual(before);
    expect(await count(app.ds, 'SELECT COUNT(*) FROM insight_order WHERE member_id = ?', [s.memberId])).toBe(2);
    // A full refund of the second: it no longer counts at all.
    ok(await app.api.post(`/api/hq/orders/${second.id}/refunds`, { amountFen: second.payableFen, reason: '全额退款' }, hq), 201);
    await drain();
    expect(await detail(s.memberId)).toMatchObject({ frequency: 1, monetaryFen: first.payableFen - 3_000 });
  });

  it('the nightly job re-scores under HQ thresholds; two runs at once (two instances) do the day once', async () => {
    const big = await customerOf(guideB);
    await pay(big, 5);
    const put = await app.api.call('PUT', '/api/hq/insight/thresholds', { token: hq, body: { recencyDays: 10, frequency: 1, monetaryFen: 40_000 } });
    expect(put.status).toBe(200);
    expect(put.body.data.effective).toEqual({ recencyDays: 10, frequency: 1, monetaryFen: 40_000 });
    expect(await count(app.ds, "SELECT COUNT(*) FROM audit_log WHERE action = 'PUT /api/hq/insight/thresholds'")).toBe(1);
    expect((await app.api.call('PUT', '/api/hq/insight/thresholds', { token: hq, body: { frequency: 0 } })).body.field).toBe('frequency');
    expect((await app.api.call('PUT', '/api/hq/insight/thresholds', { token: mgrA, body: {} })).status).toBe(403);

    const def = app.services.scheduler.definition('insight-nightly')!;
    const other = new Scheduler(app.services.scheduler.deps, 'another-instance', new Map([[def.name, def]]));
    const runs = await Promise.all([app.services.scheduler.runOnce('insight-nightly'), other.runOnce('insight-nightly')]);
    const worked = runs.filter((r) => r.ran && !(r.result as { skipped?: string }).skipped);
    expect(worked).toHaveLength(1);
    for (const r of runs.filter((x) => x !== worked[0])) expect(r.skipped === 'lease-held' || (r.result as { skipped?: string }).skipped === 'scored-today').toBe(true);
    // A third run the same day finds the day done.
    expect((await app.services.scheduler.runOnce('insight-nightly')).result).toMatchObject({ skipped: 'scored-today' });

    const t = ok(await app.api.get('/api/hq/insight/thresholds', hq));
    expect(t.scoredDay).toBe(shanghaiDate(new Date()));
    expect(t.medians.frequency).toBeGreaterThanOrEqual(1);
    expect(t.highValueFen).toBeGreaterThan(0);
    // 5 × ¥100 ≥ ¥400 and paid today: 重要价值; the top 5 % by M is this member.
    expect(await detail(big.memberId)).toMatchObject({ segment: 'important_value', scores: { r: true, f: true, m: true } });
    expect((await detail(big.memberId)).ruleTags).toContain('high_value');
  });

  it('confines a store manager to their store: distribution, lists and detail; 404 for another store’s member', async () => {
    const a = await customerOf(guideA);
    const b = await customerOf(guideB);
    await drain();
    const mine = ok(await app.api.get('/api/hq/insight/members?pageSize=50', mgrA)).items.map((r: { memberId: number }) => r.memberId);
    expect(mine).toContain(a.memberId);
    expect(mine).not.toContain(b.memberId);
    const all = ok(await app.api.get('/api/hq/insight/members?pageSize=50', hq)).items.map((r: { memberId: number }) => r.memberId);
    expect(all).toEqual(expect.arrayContaining([a.memberId, b.memberId]));
    expect((await detail(a.memberId, mgrA)).memberId).toBe(a.memberId);
    const other = await app.api.get(`/api/hq/insight/members/${b.memberId}`, mgrA);
    expect([other.status, other.body.data ?? null]).toEqual([404, null]);
    const dist = ok(await app.api.get('/api/hq/insight/segments', mgrA));
    const wide = ok(await app.api.get('/api/hq/insight/segments', hq));
    expect(dist.storeId).toBe(guideA.storeId);
    expect(dist.total).toBe(Number(await count(app.ds, 'SELECT COUNT(*) FROM member_insight WHERE store_id = ?', [guideA.storeId])));
    expect(wide.total).toBeGreaterThan(dist.total);
    expect(ok(await app.api.get('/api/hq/insight/members?segment=potential&pageSize=50', hq)).items.every((r: { segment: string }) => r.segment === 'potential')).toBe(true);
    // Manual tags: operators only, audited, listed and filterable.
    expect((await app.api.call('PUT', `/api/hq/insight/members/${a.memberId}/tags`, { token: mgrA, body: { tags: ['VIP'] } })).status).toBe(403);
    expect(ok(await app.api.call('PUT', `/api/hq/insight/members/${a.memberId}/tags`, { token: hq, body: { tags: ['VIP', '爱运动', 'VIP'] } })).manualTags).toEqual(['VIP', '爱运动']);
    const bad = await app.api.call('PUT', `/api/hq/insight/members/${a.memberId}/tags`, { token: hq, body: { tags: ['高净值'] } });
    expect([bad.status, bad.body.field]).toEqual([400, 'tags.0']);
    expect(ok(await app.api.get('/api/hq/insight/members?manualTag=VIP', mgrA)).items.map((r: { memberId: number }) => r.memberId)).toEqual([a.memberId]);
    expect((await app.api.call('PUT', '/api/hq/insight/members/987654/tags', { token: hq, body: { tags: ['VIP'] } })).status).toBe(404);
    // The guide sees them on the workbench's customer list.
    const customer = ok(await app.api.get('/api/guide/customers', guideA.token)).find((c: { memberId: number }) => c.memberId === a.memberId);
    expect(customer).toMatchObject({ segment: '潜在用户', tags: ['新客', 'VIP', '爱运动'] });
  });

  it('pushes a coupon to a segment: parallel requests make one push, parallel deliveries grant each member once; HQ sees received, used and GMV', async () => {
    const members = await Promise.all([customerOf(guideA), customerOf(guideB), customerOf(guideA)]);
    await drain();
    const templateId = await createTemplate(app, hq, { name: '复购8折券', claimable: false, totalQuota: 1000, perMemberLimit: 3, thresholdFen: 5_000, amountOffFen: 2_000 });
    const inSegment = await count(app.ds, "SELECT COUNT(*) FROM member_insight WHERE segment = 'potential'");
    const body = { batchKey: 'wake-up-1', templateId, target: { kind: 'segment', segment: 'potential' } };
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.api.post('/api/hq/insight/pushes', body, hq)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.data.id)).size).toBe(1);
    const pushId = answers[0].body.data.id;
    expect(await count(app.ds, 'SELECT COUNT(*) FROM segment_push')).toBe(1);
    // The same key for another template is a conflict.
    expect((await app.api.post('/api/hq/insight/pushes', { ...body, templateId: 987654 }, hq)).status).toBe(404);
    expect((await app.api.post('/api/hq/insight/pushes', { ...body, target: { kind: 'tag', tag: 'new' } }, hq)).status).toBe(409);

    // Two deliveries at once (a re-claimed handler), then the outbox's own.
    await Promise.all([app.services.insight.pushes.deliver(pushId), app.services.insight.pushes.deliver(pushId)]);
    await drain();
    const copies = await app.ds.query("SELECT member_id, COUNT(*) AS n FROM member_coupon WHERE template_id = ? AND source_ref = 'push:seg.wake-up-1' GROUP BY member_id", [templateId]);
    expect(copies).toHaveLength(inSegment);
    expect(copies.every((c: { n: unknown }) => Number(c.n) === 1)).toBe(true);

    // One of them uses it on an order.
    const user = members[0];
    const [coupon] = await app.ds.query('SELECT id FROM member_coupon WHERE template_id = ? AND member_id = ?', [templateId, user.memberId]);
    const order = await pay(user, 1, { couponId: Number(coupon.id) });
    const stats = ok(await app.api.get(`/api/hq/insight/pushes/${pushId}`, hq));
    expect(stats).toMatchObject({ status: 'done', members: inSegment, received: inSegment, used: 1, gmvFen: order.payableFen, templateName: '复购8折券' });
    expect(ok(await app.api.get('/api/hq/insight/pushes', hq)).items[0].id).toBe(pushId);
    expect((await app.api.get(`/api/hq/insight/pushes/${pushId}`, mgrA)).status).toBe(403);
    expect((await app.api.post('/api/hq/insight/pushes', { ...body, batchKey: 'x', target: { kind: 'segment', segment: 'bogus' } }, hq)).body.field).toBe('target.segment');
  });

  it('answers 404 for a member with no row and a push that does not exist', async () => {
    const s = await loginShopper(app);
    void s;
    expect((await app.api.get('/api/hq/insight/members/987654', hq)).status).toBe(404);
    expect((await app.api.get('/api/hq/insight/pushes/987654', hq)).status).toBe(404);
  });
});
