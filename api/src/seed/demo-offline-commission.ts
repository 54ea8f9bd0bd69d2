/**
 * Offline commission in the demo: HQ turns it on (POS 设置) and the demo till posts one more sale
 * for the store's first guide with a partial return, so the guide's workbench, HQ's 佣金 page and
 * the settlement CSV show a 线下 <小票号> entry and its reversal.
 */
import type { Services } from '../app';
import type { DemoStoreSummary } from './demo-loop';
import { shanghaiDate, shanghaiMidnight } from '@common/membership/shanghai';

export async function seedOfflineCommission(s: Services, stores: DemoStoreSummary[], now: () => Date): Promise<void> {
  const store = stores[0];
  const guideId = store?.guides[0]?.id;
  if (!store || !guideId) return;
  const settings = await s.pos.settings.get();
  await s.pos.settings.put({ ...settings, offlineCommission: true }, null);
  const key = await s.pos.keys.create(store.id, '演示收银台（佣金）', null);
  const caller = { apiKeyId: key.id, storeId: store.id };
  // An hour ago, but never before today's Beijing midnight: a sale on yesterday with its return
  // today would show the store a negative offline day (seen when the seed ran just after 00:00).
  const today = shanghaiMidnight(shanghaiDate(now()));
  const at = new Date(Math.max(today.getTime(), now().getTime() - 3_600_000)).toISOString();
  const fen = 39_900;
  await s.pos.sales.post(caller, { receiptNo: 'DEMO-0004', soldAt: at, paymentMethod: 'wechat', lines: [{ title: '羊绒开衫', quantity: 1, unitFen: fen, amountFen: fen }], totalFen: fen, discountFen: 0, payableFen: fen, guideId });
  await s.pos.returns.post(caller, { returnNo: 'DEMO-R0002', receiptNo: 'DEMO-0004', amountFen: 9_900, returnedAt: now().toISOString() });
}
