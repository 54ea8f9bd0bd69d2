import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { balanceOf } from '../points/ledger';
import { MemberCoupon, NewMemberGift } from './coupons.entities';
import { couponsOf, createTemplate } from './coupons.test-support';

describe('新人礼: the new-member pack', () => {
  let app: TestApp;
  let hq: string;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  it('the default pack holds a first-order-only coupon; 20 parallel grants to one member give it once', async () => {
    const pack = ok(await app.api.get('/api/hq/new-member-pack', hq));
    expect(pack.templateIds).toHaveLength(1);
    const s = await loginShopper(app);
    const results = await Promise.all(Array.from({ length: 20 }, () => app.services.coupons.gifts.grant(s.memberId)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await app.ds.getRepository(NewMemberGift).countBy({ memberId: s.memberId })).toBe(1);
    expect(await app.ds.getRepository(MemberCoupon).countBy({ memberId: s.memberId, source: 'new_member' })).toBe(1);
    const gift = ok(await couponsOf(app, s.token).gift());
    expect(gift.coupons).toHaveLength(1);
    expect(gift.coupons[0]).toMatchObject({ name: '新人首单立减', firstOrderOnly: true, kind: 'no_threshold', amountOffFen: 1000, status: 'unused' });
    expect(gift.shown).toBe(false);
  });

  it('20 parallel first logins of one shopper: one member, one MemberRegistered, the gift granted once (deliveries run in parallel too)', async () => {
    const openid = `o_gift_race_${Date.now()}`;
    const sessions = await Promise.all(Array.from({ length: 20 }, () => loginShopper(app, openid)));
    const memberId = sessions[0].memberId;
    expect(new Set(sessions.map((s) => s.memberId))).toEqual(new Set([memberId]));
    await Promise.all(Array.from({ length: 4 }, () => app.services.outbox.processDue()));
    expect(await app.ds.getRepository(NewMemberGift).countBy({ memberId })).toBe(1);
    expect(await app.ds.getRepository(MemberCoupon).countBy({ memberId, source: 'new_member' })).toBe(1);
    // A redelivery of the event (a handler retried after a lost acknowledgement) grants nothing more.
    expect(await app.services.coupons.gifts.grant(memberId)).toBe(false);
    const gift = ok(await couponsOf(app, sessions[0].token).gift());
    expect(gift.coupons.map((c: { firstOrderOnly: boolean }) => c.firstOrderOnly)).toEqual([true]);
  });

  it('the popup is recorded once: the first call answers true, later ones false', async () => {
    const s = await loginShopper(app);
    const c = couponsOf(app, s.token);
    expect(await c.gift()).toMatchObject({ status: 200, body: { data: null } });
    expect((await c.giftShown()).status).toBe(404);
    await app.services.coupons.gifts.grant(s.memberId);
    const firsts = await Promise.all(Array.from({ length: 5 }, () => c.giftShown()));
    expect(firsts.map((r) => ok(r).firstTime).filter(Boolean)).toHaveLength(1);
    expect(ok(await c.gift()).shown).toBe(true);
  });

  it('HQ sets the pack; a sold-out template is left out of a gift while the rest still arrives', async () => {
    const plenty = await createTemplate(app, hq, { name: '新人满减', claimable: false });
    const scarce = await createTemplate(app, hq, { name: '限量券', claimable: false, totalQuota: 1 });
    ok(await app.api.call('PUT', '/api/hq/new-member-pack', { body: { templateIds: [plenty, scarce], points: 200 }, token: hq }));
    const [a, b] = [await loginShopper(app), await loginShopper(app)];
    await app.services.coupons.gifts.grant(a.memberId);
    await app.services.coupons.gifts.grant(b.memberId);
    await app.services.coupons.gifts.grant(b.memberId);
    // The pack's points go through the ledger, once per member.
    for (const m of [a, b]) expect((await app.services.tx.run((tm) => balanceOf(tm, m.memberId))).balance).toBe(200);
    expect(ok(await couponsOf(app, a.token).gift()).points).toBe(200);
    expect(ok(await couponsOf(app, a.token).gift()).coupons.map((c: { templateId: number }) => c.templateId).sort()).toEqual([plenty, scarce].sort());
    expect(ok(await couponsOf(app, b.token).gift()).coupons.map((c: { templateId: number }) => c.templateId)).toEqual([plenty]);
    expect(await app.ds.getRepository(MemberCoupon).countBy({ templateId: scarce })).toBe(1);
    const bad = await app.api.call('PUT', '/api/hq/new-member-pack', { body: { templateIds: [999999], points: 0 }, token: hq });
    expect(bad.status).toBe(404);
  });
});
