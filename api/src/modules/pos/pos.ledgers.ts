/**
 * Offline sales in the same ledgers as online orders, inside the posting's transaction: purchase
 * points through the same earning rule and tier multiplier (available at once — the goods left
 * the counter, there is no later completion), the 双倍积分 bonus, growth (may raise the tier);
 * a return takes back its prorated share of both and of the growth, as a refund does.
 * Ledger keys name the sale or return, so nothing counts twice.
 */
import type { EntityManager } from 'typeorm';
import { growthOf, isBirthdayMonth, purchasePoints } from '@common/membership/rules';
import { prorateBack } from '@common/pos/rules';
import type { MemberProfiles, MembershipSettingsService } from '../membership';
import { clawback, credit } from '../points';

export interface LedgerPorts {
  profiles: MemberProfiles;
  settings: MembershipSettingsService;
}

const earnKey = (saleId: number) => `pos:${saleId}:earn`;
const growthPrefix = (saleId: number) => `pos:${saleId}:growth:`;
/** Once per member, whichever sale qualifies first. */
const bonusKey = (memberId: number) => `pos:double:${memberId}`;

export interface Earned {
  points: number;
  bonus: number;
}

export async function earnForSale(
  m: EntityManager,
  d: LedgerPorts,
  s: { saleId: number; storeId: number; receiptNo: string; memberId: number; payableFen: number; soldAt: Date; doubled: boolean },
  now: Date,
): Promise<Earned> {
  const settings = await d.settings.get(m);
  const { tier, birthday } = await d.profiles.standing(m, s.memberId);
  const points = purchasePoints(s.payableFen, tier, isBirthdayMonth(birthday, s.soldAt), settings).points;
  if (points > 0) await credit(m, { memberId: s.memberId, points, key: earnKey(s.saleId), reason: `门店消费 小票 ${s.receiptNo}`, kind: 'earn', now });
  let bonus = 0;
  if (s.doubled && points > 0) {
    const reason = `双倍积分（门店 ${s.storeId} 小票 ${s.receiptNo}）`;
    const entry = await credit(m, { memberId: s.memberId, points, key: bonusKey(s.memberId), reason, kind: 'grant', now });
    // credit() answers the first entry when the key exists: the bonus is ours only if it names this sale.
    bonus = entry.reason === reason ? points : 0;
  }
  await d.profiles.addGrowth(m, s.memberId, `${growthPrefix(s.saleId)}0`, growthOf(s.payableFen), now);
  return { points, bonus };
}

export async function takeBackForReturn(
  m: EntityManager,
  d: LedgerPorts,
  r: { returnId: number; saleId: number; receiptNo: string; memberId: number; payableFen: number; returnedBeforeFen: number; amountFen: number; earned: Earned },
  now: Date,
): Promise<number> {
  const reason = `门店退货 小票 ${r.receiptNo}`;
  let taken = 0;
  const points = prorateBack(r.earned.points, r.payableFen, r.returnedBeforeFen, r.amountFen);
  if (points > 0) taken += (await clawback(m, { memberId: r.memberId, points, key: `pos-return:${r.returnId}:clawback`, reason, refKey: earnKey(r.saleId), now })).points;
  const bonus = prorateBack(r.earned.bonus, r.payableFen, r.returnedBeforeFen, r.amountFen);
  if (bonus > 0) taken += (await clawback(m, { memberId: r.memberId, points: bonus, key: `pos-return:${r.returnId}:bonus`, reason: `${reason}（双倍积分）`, refKey: bonusKey(r.memberId), now })).points;
  // Growth follows what the sale keeps, written as the difference to what is recorded.
  const returnedNow = r.returnedBeforeFen + r.amountFen;
  const delta = growthOf(r.payableFen - returnedNow) - (await d.profiles.growthRecorded(m, growthPrefix(r.saleId)));
  if (delta !== 0) await d.profiles.addGrowth(m, r.memberId, `${growthPrefix(r.saleId)}${returnedNow}`, delta, now);
  return taken;
}
