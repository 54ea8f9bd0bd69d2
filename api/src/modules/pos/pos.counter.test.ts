/**
 * The counter's routes that reach other modules: identify by phone (member card's blind index,
 * answer masked), an in-store coupon redeemed once, a pickup order looked up and collected by code
 * at its own store only. All through the signed fake POS.
 */
import { FakePos } from '../../../test/fake-pos';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok } from '../../../test/shopping';
import { couponsOf, createTemplate } from '../coupons/coupons.test-support';
import { markPaid } from '../orders/orders.test-support';
import { pickupOrder, pickupRow, pickupStore } from '../pickup/pickup.test-support';

describe('POS counter: phone, coupons, pickup', () => {
  let app: TestApp;
  let hq: string;
  let store: { id: number };
  let pos: FakePos;
  const tillOf = async (storeId: number) => {
    const k = ok(await app.api.post(`/api/hq/stores/${storeId}/pos-keys`, { label: '收银台' }, hq), 201);
    return new FakePos(app.url, k.keyId, k.secret);
  };

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    store = await pickupStore(app, hq);
    pos = await tillOf(store.id);
  });
  afterAll(() => app.close());

  it('identifies a member by phone number, answering it masked; exactly one of code and phone', async () => {
    const shopper = await loginShopper(app);
    ok(await app.api.post('/api/me/member-card/open', { code: app.fakeWechat!.mintPhoneCode('13800138000') }, shopper.token));
    const who = ok(await pos.send('POST', '/api/pos/members/identify', { phone: '138 0013 8000' }));
    expect(who).toMatchObject({ memberId: shopper.memberId, maskedPhone: '138****8000' });
    expect(JSON.stringify(who)).not.toContain('13800138000');
    const unknown = await pos.send('POST', '/api/pos/members/identify', { phone: '13900000000' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'MEMBER_PHONE_NOT_FOUND']);
    const both = await pos.send('POST', '/api/pos/members/identify', { phone: '13800138000', memberToken: 'x' });
    expect([both.status, both.body.issues?.[0]?.field]).toEqual([400, 'memberToken']);
    // A phone lookup is not a member-code scan (the 双倍积分 offer is 凭会员码).
    const [{ n }] = await app.ds.query('SELECT COUNT(*) AS n FROM pos_scan WHERE member_id = ?', [shopper.memberId]);
    expect(Number(n)).toBe(0);
  });

  it('redeems an in-store coupon code once; a second scan is a conflict', async () => {
    const tpl = await createTemplate(app, hq, { name: '门店满99减10', usableInStore: true, totalQuota: 10 });
    const shopper = await loginShopper(app);
    const id = ok(await couponsOf(app, shopper.token).claim(tpl), 201).id;
    const code = (ok(await couponsOf(app, shopper.token).mine('usable')) as { id: number; storeCode: string }[]).find((c) => c.id === id)!.storeCode;
    const used = ok(await pos.send('POST', '/api/pos/coupons/redeem', { code, receiptNo: 'CP-1' }));
    expect(used).toMatchObject({ memberCouponId: id, memberId: shopper.memberId, templateName: '门店满99减10' });
    const again = await pos.send('POST', '/api/pos/coupons/redeem', { code, receiptNo: 'CP-2' });
    expect([again.status, again.body.code]).toEqual([409, 'COUPON_ALREADY_USED']);
    expect((await pos.send('POST', '/api/pos/coupons/redeem', { code: '000000000000' })).status).toBe(404);
  });

  it('looks up and collects a pickup order by code at its own store only', async () => {
    const skuId = (await createSku(app, hq, 2590, 10)).skuId;
    const shopper = await loginShopper(app);
    const order = ok(await pickupOrder(app, shopper.token, skuId, store.id), 201);
    await markPaid(app, order.id);
    const { code } = await pickupRow(app, order.id);
    const other = await tillOf((await pickupStore(app, hq)).id);
    expect((await other.send('GET', `/api/pos/pickups/${code}`)).status).toBe(404);
    expect((await other.send('POST', `/api/pos/pickups/${code}/collect`)).status).toBe(404);
    expect(ok(await pos.send('GET', `/api/pos/pickups/${code}`))).toMatchObject({ orderId: order.id, memberId: shopper.memberId });
    const collected = ok(await pos.send('POST', `/api/pos/pickups/${code}/collect`));
    expect(collected.collectedAt).not.toBeNull();
    expect((await pos.send('POST', `/api/pos/pickups/${code}/collect`)).status).toBe(409);
    expect((await pickupRow(app, order.id)).collected_by).toMatch(/pos:\d+$/);
  });
});
