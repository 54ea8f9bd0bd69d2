/**
 * Earning through real orders and the outbox: purchase points pending when paid, available when
 * the order completes, a partial refund before completion takes back its prorated share, growth
 * follows the amount kept (and can upgrade the tier), a duplicated OrderCompleted earns once,
 * and a referrer is rewarded on the referred member's first completed order only.
 */
import type { OrderDetailDto } from '@common/order/types';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { addressesOf, anAddress, createSku, ok, type SkuFixture } from '../../../test/shopping';
import { MemberTierLog } from '../membership/membership.entities';
import { postOrder, shopperWithAddress, type Shopper } from '../orders/orders.test-support';
import { OutboxEvent } from '../outbox/outbox.entities';
import { MemberReferral, PointsEntry } from './points.entities';

describe('earning points through orders', () => {
  let app: TestApp;
  let hq: string;
  let sku: SkuFixture;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    sku = await createSku(app, hq, 12_345, 1000);
  });
  afterAll(() => app.close());

  const card = async (s: Shopper) => ok(await app.api.get('/api/membership/card', s.token));
  async function paidOrder(s: Shopper, quantity = 1): Promise<OrderDetailDto> {
    const o = ok<OrderDetailDto>(await postOrder(app, s, { lines: [{ skuId: sku.skuId, quantity }] }), 201);
    ok(await app.api.post(`/api/orders/${o.id}/dev-pay`, {}, s.token));
    await app.services.outbox.drain();
    return o;
  }
  async function complete(s: Shopper, orderId: number): Promise<void> {
    ok(await app.api.post(`/api/hq/orders/${orderId}/ship`, { carrier: 'SF', trackingNo: `SF${orderId}000001` }, hq));
    ok(await app.api.post(`/api/orders/${orderId}/confirm-receipt`, {}, s.token));
    await app.services.outbox.drain();
  }

  it('pending when paid, available when completed; a partial refund before takes back its share', async () => {
    const s = await shopperWithAddress(app);
    const o = await paidOrder(s, 2); // ¥1 = 1 point, on the amount paid
    const pending = Math.floor(o.payableFen / 100);
    expect((await card(s)).points).toMatchObject({ balance: 0, pending });
    // HQ refunds a third of the amount before shipping: a third of the points go with it.
    const refundFen = Math.floor(o.payableFen / 3);
    ok(await app.api.post(`/api/hq/orders/${o.id}/refunds`, { amountFen: refundFen, reason: '缺货部分退款' }, hq), 201);
    await app.services.outbox.drain();
    const taken = Math.floor((pending * refundFen) / o.payableFen);
    expect((await card(s)).points).toMatchObject({ balance: 0, pending: pending - taken });
    await complete(s, o.id);
    const after = await card(s);
    expect(after.points).toMatchObject({ balance: pending - taken, pending: 0, debt: 0 });
    expect(after.growth).toBe(Math.floor((o.payableFen - refundFen) / 100));
    const kinds = ok(await app.api.get('/api/points/ledger', s.token)).items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['confirm', 'void', 'earn']);
  });

  it('a duplicated OrderCompleted earns once; growth past ¥1000 upgrades to 银卡 with a logged reason', async () => {
    const s = await shopperWithAddress(app);
    const o = await paidOrder(s, 9); // ¥1111.05
    await complete(s, o.id);
    // The same events delivered again (a redelivery after a lost acknowledgement looks like this).
    for (const type of ['OrderCompleted', 'OrderPaid'] as const) {
      const event = await app.ds.manager.findOneByOrFail(OutboxEvent, { type, aggregateId: String(o.id) });
      await app.services.tx.run((m) => app.services.outbox.enqueue(m, type, o.id, JSON.parse(event.payload)));
    }
    await app.services.outbox.drain();
    const c = await card(s);
    expect(c.points).toMatchObject({ balance: Math.floor(o.payableFen / 100), pending: 0 });
    expect(await app.ds.manager.countBy(PointsEntry, { memberId: s.memberId })).toBe(2);
    expect(c).toMatchObject({ tier: 'silver', tierLabel: '银卡会员', growth: 1111, next: { tier: 'gold', missing: 3889 } });
    const log = await app.ds.manager.findBy(MemberTierLog, { memberId: s.memberId });
    expect(log).toEqual([expect.objectContaining({ fromTier: 'basic', toTier: 'silver', growth: 1111, reason: `growth:order:${o.id}:growth:0` })]);
    // 银卡 earns ×1.2 on the next order.
    const next = await paidOrder(s, 1);
    expect((await card(s)).points.pending).toBe(Math.floor((Math.floor(next.payableFen / 100) * 120) / 100));
  });

  it('a referrer gets +50 when the referred member\'s first order completes, not for later ones', async () => {
    const referrer = await shopperWithAddress(app);
    // The friend registers from the referrer's share path: MemberRegistered records the referral.
    const { token: shareToken } = ok<{ token: string }>(await app.api.post('/api/share/token', {}, referrer.token));
    const login = ok(await app.api.post('/api/auth/wechat-login', { code: app.fakeWechat!.mintCode(`o_friend_${referrer.memberId}`), shareToken }));
    const address = ok(await addressesOf(app, login.token).create(anAddress()), 201);
    const friend: Shopper = { token: login.token, memberId: login.member.id, addressId: address.id };
    await app.services.outbox.drain();
    expect(await app.ds.manager.findOneBy(MemberReferral, { memberId: friend.memberId })).toMatchObject({ referrerId: referrer.memberId, rewardedAt: null });
    // Not oneself, and only once per member.
    expect(await app.services.tx.run((m) => app.services.points.referrals.record(m, referrer.memberId, { kind: 'member', id: referrer.memberId }, new Date()))).toBe(false);
    expect(await app.services.tx.run((m) => app.services.points.referrals.record(m, friend.memberId, { kind: 'member', id: 999 }, new Date()))).toBe(false);
    const first = await paidOrder(friend);
    expect((await card(referrer)).points.balance).toBe(0); // paid is not enough
    await complete(friend, first.id);
    expect((await card(referrer)).points.balance).toBe(50);
    const second = await paidOrder(friend);
    await complete(friend, second.id);
    expect((await card(referrer)).points.balance).toBe(50);
    const entries = await app.ds.manager.findBy(PointsEntry, { memberId: referrer.memberId });
    expect(entries.map((e) => [e.kind, e.key])).toEqual([['referral', `referral:${friend.memberId}`]]);
    const check = ok(await app.api.get('/api/hq/points/consistency?pageSize=500&onlyMismatched=true', hq));
    expect([check.items, check.hasMore, check.checked > 0]).toEqual([[], false, true]);
  });
});
