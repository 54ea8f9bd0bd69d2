/**
 * The demo members (demo-loop-data.ts) and what they did, each step through the path a real
 * shopper or HQ takes: a WeChat login (the fake WeChat mints the code; the 新人礼 follows from
 * MemberRegistered), an address, a guide's shared card opened (a touch binds the guide), 签到,
 * a coupon claimed in 领券中心 and used, checkout, payment through PaymentsService.markPaid,
 * then ship, 确认收货 and refunds through the order lifecycle and RefundsService. Points and
 * commission come from the outbox handlers, so balances equal their ledgers.
 */
import type { Services } from '../app';
import type { Logger } from '../logger';
import type { FakeWeChatHandle } from '../wechat/fake-wechat';
import { DEMO_MEMBERS, type DemoMember, type DemoOrder } from './demo-loop-data';
import { skuIdOf, type DemoPromotions, type DemoStoreSummary, type SeededProducts } from './demo-loop';

const ACTOR = 'seed:demo';

export interface DemoMembersSummary {
  members: number;
  orders: number;
}

export async function seedMembers(
  s: Services,
  fakeWechat: FakeWeChatHandle,
  ctx: { products: SeededProducts; promotions: DemoPromotions; stores: DemoStoreSummary[]; log: Logger },
): Promise<DemoMembersSummary> {
  const guideIds = new Map(ctx.stores.flatMap((st) => st.guides.map((g) => [g.wecomUserId, g.id] as const)));
  const joined: { member: DemoMember; memberId: number; addressId: number }[] = [];
  for (const member of DEMO_MEMBERS) {
    const session = await s.auth.shopperLogin(await fakeWechat.mintCode(member.openid));
    const memberId = session.member.id;
    // A name to tell them apart in the console (a real shopper keeps WeChat's default until they set one).
    await s.auth.setNickname(memberId, member.address.name);
    const address = await s.addresses.create(memberId, member.address);
    if (member.touchedBy) {
      const guideId = guideIds.get(member.touchedBy);
      if (!guideId) throw new Error(`demo data: unknown guide ${member.touchedBy}`);
      // The guide's product card opened from a WeChat group: a touch, which binds the guide.
      await s.guides.touches.record(memberId, { token: s.shareTokens.sign({ kind: 'guide', id: guideId }), path: 'pages/index/index' });
    }
    joined.push({ member, memberId, addressId: address.id });
  }
  // 新人礼 (coupons and points) arrives through the outbox, as after a real first login.
  await s.outbox.drain();

  let orders = 0;
  for (const { member, memberId, addressId } of joined) {
    if (member.signsIn) await s.points.signin.signIn(memberId);
    for (const [i, order] of member.orders.entries()) {
      await placeAndFollow(s, ctx, memberId, addressId, order, `demo-${member.openid}-${i}`);
      orders++;
    }
    if (member.opensGroup && ctx.promotions.campaignIds.length) {
      // Opens a group of the live campaign and pays the seat: the group waits for a partner.
      const placed = await s.groupBuy.gate.join(memberId, { campaignId: ctx.promotions.campaignIds[0], quantity: 1, addressId }, `demo-${member.openid}-group`);
      await pay(s, placed.order.orderNo, placed.order.payableFen, placed.order.status);
      orders++;
    }
  }
  return { members: joined.length, orders };
}

export async function placeAndFollow(s: Services, ctx: { products: SeededProducts; promotions: DemoPromotions }, memberId: number, addressId: number, o: DemoOrder, key: string): Promise<void> {
  let couponId: number | undefined;
  if (o.claimAndUse) {
    const templateId = ctx.promotions.couponIds.get(o.claimAndUse);
    if (!templateId) throw new Error(`demo data: unknown coupon ${o.claimAndUse}`);
    couponId = (await s.coupons.grants.claim(memberId, templateId)).id;
  }
  const lines = o.lines.map((l) => ({ skuId: skuIdOf(ctx.products, l.sku), quantity: l.quantity }));
  const { order } = await s.checkout.placeOrder(memberId, { lines, addressId, remark: '', ...(couponId ? { couponId } : {}) }, key);
  await pay(s, order.orderNo, order.payableFen, order.status);
  if (o.end === 'refunded') {
    await s.refunds.issue(null, order.id, { amountFen: order.payableFen, reason: '尺码不合适，七天无理由退货' });
    return;
  }
  if (o.end === 'paid') return;
  await s.orderLifecycle.ship(order.id, null, 'SF', `SF${order.orderNo.slice(-10)}`);
  if (o.end === 'completed' && !(await s.orderLifecycle.complete(order.id, ACTOR))) throw new Error(`demo order ${order.id} did not complete`);
}

/** Paid through the one path every payment takes (a zero-cash order is paid at checkout already). */
async function pay(s: Services, orderNo: string, payableFen: number, status: string): Promise<void> {
  if (status !== 'pending_payment') return;
  const result = await s.payments.markPaid({ outTradeNo: orderNo, transactionId: `DEMO${orderNo}`, amountFen: payableFen, mode: 'dev', actor: ACTOR });
  if (result !== 'paid') throw new Error(`demo order ${orderNo}: payment ${result}`);
}
