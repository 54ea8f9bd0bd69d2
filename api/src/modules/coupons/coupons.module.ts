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
  /** The member's tier rank (membership); 0 for everyone when not given. */
  tierRankOf?: TierRankOf;
  /** The points ledger's credit, for the 新人礼 points; without it the pack grants coupons only. */
  creditPoints?: PointsCredit | null;
}

export function createCouponServices(deps: CouponDeps) {
  const facts = new MemberFacts(deps.ds, deps.auth, deps.tierRankOf);
  const wallet = new CouponWallet(deps.ds);
  const gifts = new NewMemberGifts(deps.ds, deps.tx, deps.now, deps.creditPoints ?? null);
  deps.contributors.register(couponContributor(wallet, facts));
  registerCouponHooks(deps.hooks, wallet);
  registerCouponJobs({ scheduler: deps.scheduler, outbox: deps.outbox, tx: deps.tx, wallet, gifts, now: deps.now });
  return {
    facts,
    wallet,
    gifts,
    grants: new CouponGrants(deps.tx, facts, deps.now),
    templates: new CouponTemplates(deps.ds, deps.tx, facts, deps.now),
  };
}

export type CouponServices = ReturnType<typeof createCouponServices>;
