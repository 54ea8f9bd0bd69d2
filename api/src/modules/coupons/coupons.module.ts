/**
 * Builds the coupon services from their dependencies and plugs them into the extension points
 * (app.ts calls this once, in its coupons block): the checkout contributor `couponId`, the `pay`
 * transition hook, the 新人礼 outbox handler and the expiry job.
 */
import type { DataSource } from 'typeorm';
import type { Transactor } from '../../db/transaction';
import type { AuthService } from '../auth/auth.service';
import type { Scheduler } from '../jobs/scheduler';
import type { CheckoutContributors } from '../orders/checkout/contributor';
import type { OrderHooks } from '../orders/order-hooks';
import type { Outbox } from '../outbox/outbox';
import { credit } from '../points/ledger';
import { TIER_CODES } from '@common/membership/settings';
import type { MemberProfiles } from '../membership/profile.service';
import { couponContributor, registerCouponHooks } from './coupon.contributor';
import { CouponGrants } from './coupon-grants';
import { CouponTemplates } from './coupon-templates';
import { CouponWallet } from './coupon-wallet';
import { registerCouponJobs } from './coupons.jobs';
import { MemberFacts, type TierRankOf } from './member-facts';
import { NewMemberGifts, type PointsCredit } from './new-member-gift';

export interface CouponDeps {
  ds: DataSource;
  tx: Transactor;
  auth: AuthService;
  now: () => Date;
  contributors: CheckoutContributors;
  hooks: OrderHooks;
  outbox: Outbox;
  scheduler: Scheduler;
  /** Membership profiles: a member's tier decides the tier audience (rank in TIER_CODES). */
  profiles: Pick<MemberProfiles, 'standing'>;
}

/** The 新人礼 points: a credit on the points ledger, inside the granting transaction. */
const creditPoints: PointsCredit = async (m, memberId, points, key, reason) => {
  await credit(m, { memberId, points, key, reason, kind: 'grant' });
};

export function createCouponServices(deps: CouponDeps) {
  const tierRankOf: TierRankOf = async (memberId) => TIER_CODES.indexOf((await deps.profiles.standing(deps.ds.manager, memberId)).tier);
  const facts = new MemberFacts(deps.ds, deps.auth, tierRankOf);
  const wallet = new CouponWallet(deps.ds);
  const gifts = new NewMemberGifts(deps.ds, deps.tx, deps.now, creditPoints);
  deps.contributors.register(couponContributor(wallet, facts));
  registerCouponHooks(deps.hooks, wallet);
  registerCouponJobs({ scheduler: deps.scheduler, outbox: deps.outbox, tx: deps.tx, wallet, gifts, now: deps.now });
  return {
    facts,
    wallet,
    gifts,
    grants: new CouponGrants(deps.ds, deps.tx, facts, deps.now),
    templates: new CouponTemplates(deps.ds, deps.tx, facts, deps.now),
  };
}

export type CouponServices = ReturnType<typeof createCouponServices>;
