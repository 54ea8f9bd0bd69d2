/**
 * Demo members for 会员分群 (member insight): nine more shoppers whose orders and registration lie
 * in the past, so every RFM segment, 潜在用户 and every behaviour tag shows on the first start.
 * Orders go through checkout and payment like every demo order; then insight's own copy of them
 * is moved back in time (InsightDemo.backdate). HQ's demo thresholds (30 days, 2 orders, ¥300)
 * make the segments predictable; the nightly job then scores everyone, and one coupon is pushed
 * to 沉睡用户 so the push report has figures. Some of them agreed to subscribe messages (订阅消息)
 * first, as the mini-program records it, so the push sends them its notice and HQ's 订阅消息 page
 * shows consents, sent notices and ones not sent for want of consent.
 */
import type { SubscribeKind } from '@common/subscriptions/rules';
import type { Services } from '../app';
import type { Logger } from '../logger';
import type { FakeWeChatHandle } from '../wechat/fake-wechat';
import { address, sku, type DemoOrder } from './demo-loop-data';
import type { DemoPromotions, DemoStoreSummary, SeededProducts } from './demo-loop';
import { placeAndFollow } from './demo-members';

const JACKET = sku('men-hooded-down-jacket', { 颜色: '黑色', 尺码: 'M' }); // ¥599
const MUG = sku('ceramic-mug', { 颜色: '奶白' }); // ¥29.90
const jacket: DemoOrder = { lines: [{ sku: JACKET, quantity: 1 }], end: 'completed' };
const mugs: DemoOrder = { lines: [{ sku: MUG, quantity: 2 }], end: 'completed' };

interface InsightDemoMember {
  name: string;
  guide: string;
  orders: DemoOrder[];
  paidDaysAgo: number[];
  registeredDaysAgo: number;
  promo?: boolean;
  visitsToday?: boolean;
  /** Agreed to these subscribe messages (one send each), as wx.requestSubscribeMessage answered. */
  subscribes?: SubscribeKind[];
}

/** One per segment (R ≤ 30 days, F ≥ 2, M ≥ ¥300 are "high"), plus a member with no order. */
const PLAN: InsightDemoMember[] = [
  { name: '赵雅', guide: 'demo.linxiaowen', orders: [jacket, jacket], paidDaysAgo: [3, 40], registeredDaysAgo: 200, visitsToday: true, subscribes: ['pointsExpiring', 'couponPushed'] }, // 重要价值
  { name: '钱坤', guide: 'demo.chenjiahao', orders: [jacket], paidDaysAgo: [5], registeredDaysAgo: 60 }, // 重要发展
  { name: '孙丽', guide: 'demo.wangsiqi', orders: [jacket, jacket], paidDaysAgo: [45, 120], registeredDaysAgo: 300, subscribes: ['couponPushed'] }, // 重要保持, 沉睡
  { name: '李强', guide: 'demo.linxiaowen', orders: [jacket], paidDaysAgo: [90], registeredDaysAgo: 150, subscribes: ['couponPushed', 'pointsExpiring'] }, // 重要挽留, 沉睡
  { name: '周洁', guide: 'demo.wangsiqi', orders: [mugs, mugs, mugs], paidDaysAgo: [2, 12, 20], registeredDaysAgo: 90, promo: true }, // 一般价值, 促销敏感型
  { name: '吴昊', guide: 'demo.chenjiahao', orders: [mugs], paidDaysAgo: [10], registeredDaysAgo: 15 }, // 一般发展, 新客
  { name: '郑欣', guide: 'demo.linxiaowen', orders: [mugs, mugs], paidDaysAgo: [50, 70], registeredDaysAgo: 200 }, // 一般保持, 沉睡
  { name: '王磊', guide: 'demo.wangsiqi', orders: [mugs], paidDaysAgo: [200], registeredDaysAgo: 365, subscribes: ['pointsExpiring'] }, // 一般挽留, 沉睡
  { name: '冯雪', guide: 'demo.linxiaowen', orders: [], paidDaysAgo: [], registeredDaysAgo: 100 }, // 潜在用户, 沉睡
];

export async function seedInsight(
  s: Services,
  fakeWechat: FakeWeChatHandle,
  ctx: { products: SeededProducts; promotions: DemoPromotions; stores: DemoStoreSummary[]; log: Logger },
): Promise<{ members: number; orders: number }> {
  const guideIds = new Map(ctx.stores.flatMap((st) => st.guides.map((g) => [g.wecomUserId, g.id] as const)));
  let orders = 0;
  const made: { memberId: number; plan: InsightDemoMember }[] = [];
  for (const [i, plan] of PLAN.entries()) {
    const openid = `demo-insight-${i + 1}`;
    const memberId = (await s.auth.shopperLogin(await fakeWechat.mintCode(openid))).member.id;
    await s.auth.setNickname(memberId, plan.name);
    const addr = await s.addresses.create(memberId, address(plan.name, `1390000000${i + 1}`, '上海市', '上海市', '黄浦区', `南京东路 ${100 + i} 号`));
    const guideId = guideIds.get(plan.guide);
    if (!guideId) throw new Error(`demo data: unknown guide ${plan.guide}`);
    await s.guides.touches.record(memberId, { token: s.shareTokens.sign({ kind: 'guide', id: guideId }), path: 'pages/index/index' });
    for (const [j, order] of plan.orders.entries()) {
      await placeAndFollow(s, ctx, memberId, addr.id, order, `${openid}-${j}`);
      orders++;
    }
    made.push({ memberId, plan });
  }
  // Insight's handlers copy the orders first; then their history is moved back.
  await s.outbox.drain();
  for (const { memberId, plan } of made) {
    await s.insight.demo.backdate(memberId, { registeredDaysAgo: plan.registeredDaysAgo, paidDaysAgo: plan.paidDaysAgo, promo: plan.promo });
    if (plan.visitsToday) await s.insight.visits.record(memberId);
  }
  for (const { memberId, plan } of made) await subscribe(s, memberId, plan.subscribes ?? []);
  await s.insight.settings.put({ recencyDays: 30, frequency: 2, monetaryFen: 30_000 });
  await s.insight.nightly.run(true);
  const templateId = ctx.promotions.couponIds.get('member-88off');
  if (templateId) {
    await s.insight.pushes.create({ batchKey: 'demo-wake-up', templateId, target: { kind: 'tag', tag: 'dormant' } }, 'seed:demo');
    await s.outbox.drain();
  }
  ctx.log.info({ members: made.length, orders }, 'seeded the insight demo members');
  return { members: made.length, orders };
}

/** Records the member's "accept" of these messages' templates (those the deployment configures). */
async function subscribe(s: Services, memberId: number, kinds: readonly SubscribeKind[]): Promise<void> {
  const offered = (await s.subscriptions.consents.view(memberId)).templates.filter((t) => kinds.includes(t.kind));
  if (offered.length) await s.subscriptions.consents.record(memberId, Object.fromEntries(offered.map((t) => [t.templateId, 'accept' as const])));
}
