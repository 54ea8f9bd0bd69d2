/**
 * The coupon side of the order lifecycle and the scheduler: the 新人礼 handler on the outbox
 * event MemberRegistered (idempotent by the gift's unique member key, so a redelivery grants
 * nothing twice), and the expiry job (unused coupons past their window → expired, one bounded
 * UPDATE per pass; a compare-and-set on `status = 'unused'`, so two passes at once are harmless).
 */
import type { Transactor } from '../../db/transaction';
import type { Scheduler } from '../jobs';
import type { Outbox } from '../outbox';
import type { CouponWallet } from './coupon-wallet';
import type { NewMemberGifts } from './new-member-gift';

export const NEW_MEMBER_GIFT_HANDLER = 'coupons.new-member-gift';

export function registerCouponJobs(d: { scheduler: Scheduler; outbox: Outbox; tx: Transactor; wallet: CouponWallet; gifts: NewMemberGifts; now: () => Date }): void {
  d.outbox.subscribe('MemberRegistered', NEW_MEMBER_GIFT_HANDLER, async (e) => {
    await d.gifts.grant(e.memberId);
  });
  d.scheduler.register({ name: 'coupon-expiry', run: async () => ({ expired: await d.tx.run((m) => d.wallet.expireDue(m, d.now())) }) });
}
