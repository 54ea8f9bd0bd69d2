/**
 * Demo data of the insight metrics (数据): the demo members' visits over the 30 days before the
 * start (published as MemberVisited, the event the segments module sends for a visit day), then
 * the aggregates backfilled from what the seed made — the outbox delivered, sign-ins and store
 * 新会员 refreshed, today re-derived — so the trends, funnel, leaderboards, alerts and ROI page
 * all have figures on the first start.
 */
import { addDays, today } from '@common/metrics/period';
import type { Services } from '../app';
import type { FakeWeChatHandle } from '../wechat/fake-wechat';
import { DEMO_MEMBERS } from './demo-loop-data';
import type { DemoStoreSummary } from './demo-loop';

const HISTORY_DAYS = 30;

export async function seedMetrics(s: Services, fakeWechat: FakeWeChatHandle | null, stores: DemoStoreSummary[], now: () => Date): Promise<void> {
  if (fakeWechat) {
    const guides = new Map(stores.flatMap((st) => st.guides.map((g) => [g.wecomUserId, { guideId: g.id, storeId: st.id }] as const)));
    const t = today(now());
    const visits: { memberId: number; day: string; storeId: number | null; guideId: number | null }[] = [];
    for (const [i, member] of DEMO_MEMBERS.entries()) {
      // The member already exists: this login finds it (no registration).
      const memberId = (await s.auth.shopperLogin(await fakeWechat.mintCode(member.openid))).member.id;
      const bound = member.touchedBy ? guides.get(member.touchedBy) : undefined;
      for (let d = 1; d <= HISTORY_DAYS; d++) {
        // Most members come back most days; a pattern, so every start seeds the same history.
        if ((i + d) % 3 === 0 || (i * 7 + d) % 5 === 0) continue;
        visits.push({ memberId, day: addDays(t, -d), storeId: bound?.storeId ?? null, guideId: bound?.guideId ?? null });
      }
    }
    await s.tx.run(async (m) => {
      for (const v of visits) await s.outbox.enqueue(m, 'MemberVisited', v.memberId, v);
    });
    await s.outbox.drain();
  }
  await s.metricsJobs.refresh();
  await s.metricsJobs.rederive(today(now()));
  // 概览's product rows of whatever the seed paid without an OrderPaid (back-dated history).
  await s.overviewProducts.catchUp();
}
