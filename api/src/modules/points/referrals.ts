/**
 * Referrals: recorded when a new member registers from a path carrying another member's share
 * token (never for the act of sharing: WeChat forbids rewarding shares); the referrer gets the
 * referral points once, when the referred member's first order completes.
 */
import type { EntityManager } from 'typeorm';
import { referrerFrom } from '@common/membership/rules';
import type { MembershipSettingsService } from '../membership';
import { credit } from './ledger';
import { MemberReferral } from './points.entities';

export class Referrals {
  constructor(private readonly settings: MembershipSettingsService) {}

  /** Records who referred `memberId` (inside the registering transaction or its event handler); once per member. */
  async record(m: EntityManager, memberId: number, token: { kind: string; id: number } | null, now: Date): Promise<boolean> {
    const referrerId = referrerFrom(token, memberId);
    if (!referrerId) return false;
    if (await m.findOneBy(MemberReferral, { memberId })) return false;
    // INSERT IGNORE on the unique member_id: a member is referred once, by the first referrer recorded.
    await m.createQueryBuilder().insert().into(MemberReferral).values({ memberId, referrerId, rewardedAt: null, createdAt: now }).orIgnore().execute();
    return (await m.findOneBy(MemberReferral, { memberId }))?.referrerId === referrerId;
  }

  /**
   * Called when an order of `memberId` completes. The conditional UPDATE (`rewarded_at IS NULL`)
   * lets exactly the first completed order reward the referrer, however events interleave.
   */
  async rewardIfFirstOrder(m: EntityManager, memberId: number, orderId: number, now: Date): Promise<void> {
    const ref = await m.findOneBy(MemberReferral, { memberId });
    if (!ref || ref.rewardedAt) return;
    const res = await m.createQueryBuilder().update(MemberReferral).set({ rewardedAt: now }).where('id = :id AND rewarded_at IS NULL', { id: ref.id }).execute();
    if (res.affected !== 1) return;
    const s = await this.settings.get(m);
    if (s.earn.referralPoints <= 0) return;
    await credit(m, { memberId: ref.referrerId, points: s.earn.referralPoints, key: `referral:${memberId}`, reason: `邀请好友首单完成（订单 ${orderId}）`, kind: 'referral', now });
  }
}
