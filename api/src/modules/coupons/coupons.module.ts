/** Builds the coupon services from their dependencies (app.ts calls this once). */
import type { DataSource } from 'typeorm';
import type { Transactor } from '../../db/transaction';
import type { AuthService } from '../auth/auth.service';
import { CouponGrants } from './coupon-grants';
import { CouponTemplates } from './coupon-templates';
import { CouponWallet } from './coupon-wallet';
import { MemberFacts, type TierRankOf } from './member-facts';
import { NewMemberGifts, type PointsCredit } from './new-member-gift';

export function createCouponServices(deps: { ds: DataSource; tx: Transactor; auth: AuthService; now: () => Date; tierRankOf?: TierRankOf; creditPoints?: PointsCredit | null }) {
  const facts = new MemberFacts(deps.ds, deps.auth, deps.tierRankOf);
  const wallet = new CouponWallet(deps.ds);
  return {
    facts,
    wallet,
    grants: new CouponGrants(deps.tx, facts, deps.now),
    templates: new CouponTemplates(deps.ds, deps.tx, facts, deps.now),
    gifts: new NewMemberGifts(deps.ds, deps.tx, deps.now, deps.creditPoints ?? null),
  };
}

export type CouponServices = ReturnType<typeof createCouponServices>;
