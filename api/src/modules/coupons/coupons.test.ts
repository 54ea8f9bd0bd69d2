import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { AppError } from '../../http/app-error';
import { ensureHolding, grantInTx } from './coupon-grants';
import { CouponHolding, CouponTemplate, MemberCoupon } from './coupons.entities';
import { couponsOf, createTemplate, inBatches, persist } from './coupons.test-support';

describe('coupons: templates, 领券中心, grants', () => {
  let app: TestApp;
  let hq: string;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  const shopper = async () => {
    const s = await loginShopper(app);
    return { ...s, coupons: couponsOf(app, s.token) };
  };
  const template = (id: number) => app.ds.getRepository(CouponTemplate).findOneByOrFail({ id });

  it('200 members racing for a 50-quota coupon: exactly 50 issued, each to a different member', async () => {
    const id = await createTemplate(app, hq, { totalQuota: 50 });
    const members = await inBatches(200, shopper);
    const results = await Promise.all(members.map((m) => persist(() => m.coupons.claim(id))));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'COUPON_SOLD_OUT')).toBe(true);
    expect((await template(id)).issuedCount).toBe(50);
    const copies = await app.ds.getRepository(MemberCoupon).findBy({ templateId: id });
    expect(copies).toHaveLength(50);
    expect(new Set(copies.map((c) => c.memberId)).size).toBe(50);
    // Holdings of the refused members rolled back with their refusal.
    const held = (await app.ds.getRepository(CouponHolding).findBy({ templateId: id })).reduce((s, h) => s + h.held, 0);
    expect(held).toBe(50);
  });

  it("one member's 10 parallel claims of a limit-1 coupon: exactly 1", async () => {
    const id = await createTemplate(app, hq, { totalQuota: 100, perMemberLimit: 1 });
    const m = await shopper();
    const results = await Promise.all(Array.from({ length: 10 }, () => m.coupons.claim(id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(9).fill('COUPON_LIMIT_REACHED'));
    expect(await app.ds.getRepository(MemberCoupon).countBy({ templateId: id, memberId: m.memberId })).toBe(1);
    expect((await template(id)).issuedCount).toBe(1);
  });

  it('a limit-3 coupon: three claims, numbered copies, then 409; 领券中心 says why', async () => {
    const id = await createTemplate(app, hq, { name: '无门槛5元', kind: 'no_threshold', amountOffFen: 500, thresholdFen: 0, perMemberLimit: 3 });
    const m = await shopper();
    for (let i = 0; i < 3; i++) ok(await m.coupons.claim(id), 201);
    const refused = await m.coupons.claim(id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'COUPON_LIMIT_REACHED', message: '已达到领取上限' });
    const item = ok(await m.coupons.center()).find((t: { id: number }) => t.id === id);
    expect(item).toMatchObject({ heldCount: 3, blockedBy: 'COUPON_LIMIT_REACHED', summary: '无门槛减 ¥5' });
    const mine = ok(await m.coupons.mine());
    expect(mine.filter((c: { templateId: number }) => c.templateId === id)).toHaveLength(3);
  });

  it('a push is idempotent per batch; a second batch grants again up to the limit', async () => {
    const id = await createTemplate(app, hq, { claimable: false, perMemberLimit: 2 });
    const a = await shopper();
    const b = await shopper();
    const push = (batchKey: string) => app.api.post(`/api/hq/coupon-templates/${id}/push`, { memberIds: [a.memberId, b.memberId, a.memberId], batchKey }, hq);
    expect(ok(await push('vip-1'))).toEqual({ granted: [a.memberId, b.memberId], already: [], refused: [] });
    expect(ok(await push('vip-1'))).toEqual({ granted: [], already: [a.memberId, b.memberId], refused: [] });
    expect(ok(await push('vip-2'))).toEqual({ granted: [a.memberId, b.memberId], already: [], refused: [] });
    expect(ok(await push('vip-3')).refused).toEqual([
      { memberId: a.memberId, code: 'COUPON_LIMIT_REACHED' },
      { memberId: b.memberId, code: 'COUPON_LIMIT_REACHED' },
    ]);
    expect((await template(id)).issuedCount).toBe(4);
    // Not claimable: it is not in 领券中心, and claiming it is refused.
    expect(ok(await a.coupons.center()).some((t: { id: number }) => t.id === id)).toBe(false);
  });

  it('only what 领券中心 offers can be claimed: push-only and un-listed templates answer 404 and grant nothing', async () => {
    const pushOnly = await createTemplate(app, hq, { claimable: false, totalQuota: 100, perMemberLimit: 5 });
    const members = await inBatches(10, shopper);
    const one = members[0];
    // Ten members at once and one member ten times at once: none granted.
    const results = await Promise.all([...members.map((m) => persist(() => m.coupons.claim(pushOnly))), ...Array.from({ length: 10 }, () => persist(() => one.coupons.claim(pushOnly)))]);
    expect(results.map((r) => [r.status, r.body.code, r.body.message])).toEqual(Array(20).fill([404, 'COUPON_TEMPLATE_NOT_FOUND', '优惠券不存在']));
    expect(await app.ds.getRepository(MemberCoupon).countBy({ templateId: pushOnly })).toBe(0);
    expect((await template(pushOnly)).issuedCount).toBe(0);
    expect((await app.ds.getRepository(CouponHolding).findBy({ templateId: pushOnly })).reduce((s, h) => s + h.held, 0)).toBe(0);
    // HQ's push still grants it, through its own path.
    expect(ok(await app.api.post(`/api/hq/coupon-templates/${pushOnly}/push`, { memberIds: [one.memberId], batchKey: 'only' }, hq)).granted).toEqual([one.memberId]);
    // Taken off 领券中心 by HQ: refused the same way; listed again: claimable again.
    const listed = await createTemplate(app, hq);
    ok(await app.api.patch(`/api/hq/coupon-templates/${listed}`, { claimable: false }, hq));
    expect((await one.coupons.claim(listed)).status).toBe(404);
    ok(await app.api.patch(`/api/hq/coupon-templates/${listed}`, { claimable: true }, hq));
    ok(await one.coupons.claim(listed), 201);
    expect(await app.ds.getRepository(MemberCoupon).countBy({ memberId: one.memberId, source: 'claim' })).toBe(1);
  });

  it('a claim whose transaction still sees the template listed is refused by the quota write once HQ un-listed it', async () => {
    const id = await createTemplate(app, hq);
    const m = await shopper();
    await ensureHolding(app.services.tx, id, m.memberId);
    const claim = app.services.tx.run(async (tx) => {
      // On MariaDB this read fixes the transaction's snapshot (listed); the un-listing then
      // commits on another connection, and only the conditional write can see it.
      await tx.findOneByOrFail(CouponTemplate, { id });
      await app.ds.query('UPDATE coupon_template SET claimable = 0 WHERE id = ?', [id]);
      return grantInTx(tx, { templateId: id, memberId: m.memberId, source: 'claim' }, new Date());
    });
    await expect(claim).rejects.toBeInstanceOf(AppError);
    expect(await app.ds.getRepository(MemberCoupon).countBy({ templateId: id })).toBe(0);
    expect((await template(id)).issuedCount).toBe(0);
  });

  it('a tier-only coupon is refused to a base member; a stopped template to everyone', async () => {
    const gold = await createTemplate(app, hq, { audience: { type: 'tier', minTierRank: 2 } });
    const m = await shopper();
    expect((await m.coupons.claim(gold)).body.code).toBe('COUPON_AUDIENCE_MISMATCH');
    const id = await createTemplate(app, hq);
    ok(await app.api.patch(`/api/hq/coupon-templates/${id}`, { active: false }, hq));
    const res = await m.coupons.claim(id);
    expect([res.status, res.body.code]).toEqual([409, 'COUPON_TEMPLATE_INACTIVE']);
    expect(await app.ds.getRepository(MemberCoupon).countBy({ memberId: m.memberId })).toBe(0);
  });

  it('bad input: 400 naming the field, 404 for what does not exist, 403 for shoppers on HQ routes', async () => {
    const m = await shopper();
    const post = (body: unknown) => app.api.post('/api/hq/coupon-templates', body, hq);
    const field = async (body: unknown) => {
      const r = await post(body);
      return [r.status, r.body.field ?? r.body.issues?.[0]?.field];
    };
    expect(await field({ name: '坏', kind: 'amount_off', amountOffFen: 1000, thresholdFen: 500, validity: { type: 'relative', days: 7 }, totalQuota: 1 })).toEqual([400, 'thresholdFen']);
    expect(await field({ name: '坏', kind: 'percent_off', percentOff: 100, validity: { type: 'relative', days: 7 }, totalQuota: 1 })).toEqual([400, 'percentOff']);
    expect(await field({ name: '坏', kind: 'no_threshold', amountOffFen: 100, validity: { type: 'relative', days: 0 }, totalQuota: 1 })).toEqual([400, 'validity.days']);
    expect(await field({ name: '坏', kind: 'no_threshold', amountOffFen: 100, validity: { type: 'relative', days: 7 }, totalQuota: 2 ** 31 })).toEqual([400, 'totalQuota']);
    expect(await field({ name: '坏', kind: 'no_threshold', amountOffFen: 1.5, validity: { type: 'relative', days: 7 }, totalQuota: 1 })).toEqual([400, 'amountOffFen']);
    expect(await field({ name: '坏', kind: 'no_threshold', amountOffFen: 100, validity: { type: 'relative', days: 7 }, totalQuota: 1, scope: { type: 'products', ids: [true] } })).toEqual([400, 'scope.ids.0']);
    expect(await field({ name: '坏', kind: 'no_threshold', amountOffFen: 100, validity: { type: 'relative', days: 7 }, totalQuota: 1, issuedCount: 5 })).toEqual([400, 'issuedCount']);
    const push = await app.api.post('/api/hq/coupon-templates/1/push', { memberIds: ['0x6'], batchKey: 'x' }, hq);
    expect([push.status, push.body.field]).toEqual([400, 'memberIds.0']);
    expect((await m.coupons.claim(0)).status).toBe(400);
    for (const path of ['/api/coupons/templates/abc/claim', '/api/coupons/templates/1.5/claim', '/api/coupons/templates/99999999999/claim']) {
      expect((await app.api.post(path, undefined, m.token)).status).toBe(400);
    }
    expect((await m.coupons.claim(999999)).status).toBe(404);
    expect((await app.api.post('/api/hq/coupon-templates/999999/push', { memberIds: [1], batchKey: 'x' }, hq)).status).toBe(404);
    expect((await app.api.get('/api/coupons/mine?tab=all', m.token)).body.field).toBe('tab');
    expect((await app.api.get('/api/hq/coupon-templates', m.token)).status).toBe(403);
    expect((await app.api.get('/api/coupons/mine')).status).toBe(401);
  });
});
