/**
 * The demo store's till: a POS API key for the first demo store (printed once in the start
 * banner outside production, as the HQ console shows a new key's secret once) and a few offline
 * sales and a return through the same service the signed API uses, so 线下销售 and the GMV
 * summary have figures on the first page view.
 */
import type { Services } from '../app';
import type { DemoStoreSummary } from './demo-loop';
import { DEMO_MEMBERS } from './demo-loop-data';

export interface DemoPosSummary {
  storeName: string;
  keyId: string;
  secret: string;
}

const DAY_MS = 86_400_000;

/** `withMembers`: the demo members exist and opened their cards (the fake WeChat ran), so one sale names a member. */
export async function seedPos(s: Services, stores: DemoStoreSummary[], now: () => Date, withMembers = false): Promise<DemoPosSummary | null> {
  const store = stores[0];
  if (!store) return null;
  const key = await s.pos.keys.create(store.id, '演示收银台', null);
  const caller = { apiKeyId: key.id, storeId: store.id };
  const guideId = store.guides[0]?.id;
  const sales = [
    { receiptNo: 'DEMO-0001', daysAgo: 3, title: '羊毛混纺围巾', fen: 19_900, guide: true },
    { receiptNo: 'DEMO-0002', daysAgo: 2, title: '纯棉圆领T恤', fen: 8_900, guide: false },
    { receiptNo: 'DEMO-0003', daysAgo: 1, title: '保湿面霜 50ml', fen: 15_800, guide: true },
  ];
  for (const x of sales) {
    const soldAt = new Date(now().getTime() - x.daysAgo * DAY_MS).toISOString();
    await s.pos.sales.post(caller, {
      receiptNo: x.receiptNo,
      soldAt,
      paymentMethod: 'wechat',
      lines: [{ title: x.title, quantity: 1, unitFen: x.fen, amountFen: x.fen }],
      totalFen: x.fen,
      discountFen: 0,
      payableFen: x.fen,
      ...(x.guide && guideId ? { guideId } : {}),
    });
  }
  if (withMembers) {
    // A member's purchase at the counter, found by the phone number they opened the card with
    // (the till's phone lookup): 线下销售 shows the member and the points the sale earned.
    const { memberRef } = await s.pos.identify.byPhone(caller, DEMO_MEMBERS[1].address.phone);
    const fen = 25_900;
    const soldAt = new Date(now().getTime() - 5 * 3_600_000).toISOString();
    await s.pos.sales.post(caller, { receiptNo: 'DEMO-0005', soldAt, paymentMethod: 'card', lines: [{ title: '真丝方巾', quantity: 1, unitFen: fen, amountFen: fen }], totalFen: fen, discountFen: 0, payableFen: fen, memberRef, ...(guideId ? { guideId } : {}) });
  }
  await s.pos.returns.post(caller, { returnNo: 'DEMO-R0001', receiptNo: 'DEMO-0002', amountFen: 8_900, returnedAt: new Date(now().getTime() - DAY_MS).toISOString() });
  return { storeName: store.name, keyId: key.keyId, secret: key.secret };
}
