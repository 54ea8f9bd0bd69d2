/**
 * 门店自提 of the demo store: both demo stores become pickup points (address, hours, location),
 * and, with the fake WeChat, the first demo member has one paid pickup order waiting at
 * 上海静安嘉里店 (待自提), whose code HQ's 自提核销 page can collect.
 */
import type { Services } from '../app';
import type { FakeWeChatHandle } from '../wechat/fake-wechat';
import { skuIdOf, type DemoStoreSummary, type SeededProducts } from './demo-loop';

const PROFILES: Record<string, { address: string; hours: string; lat: number; lng: number }> = {
  上海静安嘉里店: { address: '上海市静安区南京西路 1515 号嘉里中心 B1 层', hours: '10:00-22:00', lat: 31.2243, lng: 121.4456 },
  杭州湖滨银泰店: { address: '杭州市上城区延安路 258 号湖滨银泰 in77 C 区 1 层', hours: '10:00-22:00', lat: 30.2572, lng: 120.1651 },
};

/** The openid of the demo member who has the ready pickup order (demo-loop-data.ts). */
const PICKUP_MEMBER = 'demo-member-1';

export async function seedPickup(s: Services, stores: DemoStoreSummary[], products: SeededProducts, fakeWechat: FakeWeChatHandle | null | undefined): Promise<number> {
  for (const st of stores) {
    const p = PROFILES[st.name];
    if (p) await s.pickupStores.set(st.id, { ...p, enabled: true });
  }
  const store = stores.find((st) => PROFILES[st.name]);
  if (!fakeWechat || !store) return 0;
  const session = await s.auth.shopperLogin(await fakeWechat.mintCode(PICKUP_MEMBER));
  const lines = [{ skuId: skuIdOf(products, { product: 'scented-candle', specs: { 香型: '白茶' } }), quantity: 1 }];
  const { order } = await s.checkout.placeOrder(session.member.id, { lines, remark: '', pickupStoreId: store.id }, `demo-${PICKUP_MEMBER}-pickup`);
  const paid = await s.payments.markPaid({ outTradeNo: order.orderNo, transactionId: `DEMO${order.orderNo}`, amountFen: order.payableFen, mode: 'dev', actor: 'seed:demo' });
  if (paid !== 'paid') throw new Error(`demo pickup order ${order.orderNo}: payment ${paid}`);
  return 1;
}
