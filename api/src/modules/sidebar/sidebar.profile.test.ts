/**
 * The one-to-one panel: a customer who added the guide on WeCom (the callback linked them by
 * unionid) is shown with tier, points, last orders, usable coupons, binding, touches and this
 * guide's notes; an unrecognised contact is "unknown"; bad ids name the field.
 */
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { paidOrder, WECHAT_PAY_ENV } from '../../../test/payments';
import { ok } from '../../../test/shopping';
import { createTemplate } from '../coupons/coupons.test-support';
import { aGuide, type GuideFixture, hqToken, touch } from '../guides/guides.test-support';
import { sidebarLogin } from './sidebar.test-support';

describe('sidebar contact profile', () => {
  let app: TestApp;
  let hq: string;
  let guide: GuideFixture;
  let other: GuideFixture;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp(WECHAT_PAY_ENV);
    hq = await hqToken(app);
    guide = await aGuide(app, hq);
    other = await aGuide(app, hq, guide.storeId);
    token = await sidebarLogin(app, guide.wecomUserId);
  });
  afterAll(() => app.close());
  const unionidOf = async (memberId: number) => (await app.ds.query('SELECT unionid FROM member WHERE id = ?', [memberId]))[0].unionid as string;
  /** The shopper adds guide `g` on WeCom: the fake posts the callback, which links them by unionid. */
  const addOnWecom = async (memberId: number, g: GuideFixture) => {
    const { externalUserId } = await app.fakeWecom!.addCustomer({ userId: g.wecomUserId, state: `g${g.id}`, unionid: await unionidOf(memberId) });
    // The callback's slow part (externalcontact/get, the link) runs from the outbox.
    await app.services.scheduler.runOnce('outbox');
    return externalUserId;
  };

  it('shows a linked customer: tier, points, last orders, usable coupons, binding and touches', async () => {
    const shopper = await loginShopper(app);
    const ext = await addOnWecom(shopper.memberId, guide);
    ok(await app.api.post('/api/hq/points/grant', { memberId: shopper.memberId, points: 320, reason: '测试' }, hq), 201);
    const tpl = await createTemplate(app, hq);
    ok(await app.api.post(`/api/coupons/templates/${tpl}/claim`, undefined, shopper.token), 201);
    const order = await paidOrder(app, { hq, shopper });
    await touch(app, shopper.token, guide.shareToken, { path: '/pages/product/index?id=1', groupChatId: 'wrTouchGroup1' });

    // Insight's handlers score the new member's payment: one small recent order under the default
    // thresholds (30 days, 2 orders, ¥200) is 一般发展, and a member of today is 新客.
    await app.services.outbox.drain();
    const p = ok(await app.api.get(`/api/sidebar/contacts/${ext}`, token));
    const card = ok(await app.api.get('/api/membership/card', shopper.token));
    expect(p).toMatchObject({ known: true, externalUserId: ext, memberId: shopper.memberId, tier: card.tier, tierLabel: card.tierLabel, points: 320, growth: card.growth, next: card.next, boundToMe: true, boundToOther: null, segment: '一般发展', tags: ['新客'], notes: [] });
    expect(p.lastOrders).toEqual([expect.objectContaining({ orderId: order.orderId, orderNo: order.orderNo, payableFen: order.payableFen, status: 'paid' })]);
    expect(p.usableCoupons.map((c: { name: string }) => c.name)).toContain('满99减10');
    expect(p.touches).toEqual([expect.objectContaining({ path: '/pages/product/index?id=1', groupChatId: 'wrTouchGroup1' })]);
  });

  it('keeps notes per guide: another guide sees none of them', async () => {
    const shopper = await loginShopper(app);
    const ext = await addOnWecom(shopper.memberId, guide);
    const extOther = await addOnWecom(shopper.memberId, other);
    const note = ok(await app.api.post(`/api/sidebar/contacts/${ext}/notes`, { text: '  喜欢浅色系，周末到店  ' }, token), 201);
    expect(note.text).toBe('喜欢浅色系，周末到店');
    expect(ok(await app.api.get(`/api/sidebar/contacts/${ext}`, token)).notes).toEqual([note]);
    const otherToken = await sidebarLogin(app, other.wecomUserId);
    const seenByOther = ok(await app.api.get(`/api/sidebar/contacts/${extOther}`, otherToken));
    // The later WeCom add moved the binding to the other guide: each side says so.
    expect(seenByOther).toMatchObject({ known: true, memberId: shopper.memberId, notes: [], boundToMe: true, boundToOther: null });
    const otherName = ok(await app.api.get('/api/sidebar/me', otherToken)).name;
    expect(ok(await app.api.get(`/api/sidebar/contacts/${ext}`, token))).toMatchObject({ boundToMe: false, boundToOther: otherName, notes: [note] });
  });

  it('recognises a customer WeCom says added this guide (no callback recorded), and only for that guide', async () => {
    const shopper = await loginShopper(app);
    // Added before Loopmall listened: WeCom knows the relation, no callback reached us.
    const c = app.fakeWecom!.newCustomer({ userId: guide.wecomUserId, unionid: await unionidOf(shopper.memberId) });
    expect(ok(await app.api.get(`/api/sidebar/contacts/${c.externalUserId}`, token))).toMatchObject({ known: true, memberId: shopper.memberId, boundToMe: false });
    // Another guide asking for the same external userid learns nothing: the customer did not add them.
    const otherToken = await sidebarLogin(app, other.wecomUserId);
    expect(ok(await app.api.get(`/api/sidebar/contacts/${c.externalUserId}`, otherToken))).toMatchObject({ known: false, addedThisGuide: false });
    expect((await app.api.post(`/api/sidebar/contacts/${c.externalUserId}/notes`, { text: '窥探' }, otherToken)).status).toBe(404);
  });

  it('says unknown for a contact with no member link, and refuses a note for it', async () => {
    const c = app.fakeWecom!.newCustomer({ userId: guide.wecomUserId, unionid: null });
    const p = ok(await app.api.get(`/api/sidebar/contacts/${c.externalUserId}`, token));
    expect(p).toEqual({ known: false, externalUserId: c.externalUserId, addedThisGuide: true, hint: expect.stringMatching(/新人礼/) });
    const res = await app.api.post(`/api/sidebar/contacts/${c.externalUserId}/notes`, { text: '备注' }, token);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'SIDEBAR_CONTACT_UNKNOWN' });
  });

  it('names the field of a bad external userid or note', async () => {
    const bad = await app.api.get('/api/sidebar/contacts/bad%20id', token);
    expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 400, field: 'externalUserId' });
    const shopper = await loginShopper(app);
    const ext = await addOnWecom(shopper.memberId, guide);
    for (const body of [{}, { text: '' }, { text: 'x'.repeat(501) }, { text: '好', extra: 1 }]) {
      const res = await app.api.post(`/api/sidebar/contacts/${ext}/notes`, body, token);
      expect(res.status).toBe(400);
      expect(['text', 'extra']).toContain(res.body.field);
    }
  });
});
