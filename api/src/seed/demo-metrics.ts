/**
 * Demo data of the insight metrics (数据): the demo members' visits over the 30 days before the
 * start (published as MemberVisited, the event the segments module sends for a visit day), two
 * demo buyers adding their guide on WeCom after their first purchase (a callback as the fake WeCom
 * would send it), then the aggregates backfilled from what the seed made — the outbox delivered,
 * sign-ins, store 新会员, coupons issued and points refreshed, today re-derived — so the trends,
 * the touch funnel, leaderboards, alerts and ROI page all have figures on the first start
 * (touches come from the members' card opens and the segment push, offline GMV from the POS demo).
 */
import { addDays, today } from '@common/metrics/period';
import type { Services } from '../app';
import { sealCallback } from '../wecom/callback-crypto';
import type { FakeWeChatHandle } from '../wechat/fake-wechat';
import { DEMO_MEMBERS } from './demo-loop-data';
import type { DemoStoreSummary } from './demo-loop';

const HISTORY_DAYS = 30;

export async function seedMetrics(s: Services, fakeWechat: FakeWeChatHandle | null, stores: DemoStoreSummary[], now: () => Date): Promise<void> {
  if (fakeWechat) {
    const guides = new Map(stores.flatMap((st) => st.guides.map((g) => [g.wecomUserId, { guideId: g.id, storeId: st.id }] as const)));
    const t = today(now());
    const visits: { memberId: number; day: string; storeId: number | null; guideId: number | null }[] = [];
    const ids = new Map<string, number>();
    for (const [i, member] of DEMO_MEMBERS.entries()) {
      // The member already exists: this login finds it (no registration).
      const memberId = (await s.auth.shopperLogin(await fakeWechat.mintCode(member.openid))).member.id;
      ids.set(member.openid, memberId);
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
    await addGuidesOnWecom(s, ids, new Set(guides.keys()), now);
  }
  await s.metricsJobs.refresh();
  await s.metricsJobs.rederive(today(now()));
  // 概览's product rows of whatever the seed paid without an OrderPaid (back-dated history).
  await s.overviewProducts.catchUp();
}

/** The first two demo buyers touched by a guide add that guide on WeCom, as the callback of a real add would say. */
async function addGuidesOnWecom(s: Services, ids: ReadonlyMap<string, number>, guides: ReadonlySet<string>, now: () => Date): Promise<void> {
  const fake = s.fakeWecom;
  if (!fake) return;
  const keys = { token: s.config.WECOM_CALLBACK_TOKEN, encodingAesKey: s.config.WECOM_CALLBACK_AES_KEY, corpId: s.config.WECOM_CORP_ID };
  const adders = DEMO_MEMBERS.filter((m) => m.orders.length && m.touchedBy && guides.has(m.touchedBy)).slice(0, 2);
  for (const [i, member] of adders.entries()) {
    const memberId = ids.get(member.openid);
    const unionid = memberId ? (await s.auth.memberById(memberId))?.unionid : null;
    if (!unionid) continue;
    const userId = member.touchedBy!;
    const { externalUserId } = fake.newCustomer({ userId, unionid });
    const sealed = sealCallback(keys, fake.eventXml({ ChangeType: 'add_external_contact', UserID: userId, ExternalUserID: externalUserId, State: '' }), Math.floor(now().getTime() / 1000), `seedadd${i}`);
    await s.guides.wecom.accept({ msgSignature: sealed.query.msg_signature, timestamp: sealed.query.timestamp, nonce: sealed.query.nonce }, sealed.body);
  }
  await s.outbox.drain();
}
