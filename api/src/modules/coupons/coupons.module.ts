/**
 * Coupons and the 新人礼: the checkout contributor `couponId`, the `pay` transition hook, the
 * 新人礼 outbox handler (on MemberRegistered), the expiry job and the coupon routes.
 */
import { Coupons1795700000000 } from '../../db/migrations/1795700000000-coupons';
import { CouponsInStore1796320000000 } from '../../db/migrations/1796320000000-coupons-in-store';
import { CouponTemplateListIndexes1796700000001 } from '../../db/migrations/1796700000001-coupon-template-list-indexes';
import { defineModule, type ModuleContext } from '../../platform/module';
import { TIER_CODES } from '@common/membership/settings';
import { authModule } from '../auth';
import { catalogueModule } from '../catalogue';
import { membershipModule } from '../membership';
import { ordersModule } from '../orders';
import { credit } from '../points';
import { couponContributor, registerCouponHooks } from './coupon.contributor';
import { CouponGrants } from './coupon-grants';
import { CouponTemplates } from './coupon-templates';
import { CouponWallet } from './coupon-wallet';
import { registerMemberCouponsRoute } from './member-coupons.routes';
import { CouponHolding, CouponTemplate, MemberCoupon, NewMemberGift, NewMemberPack } from './coupons.entities';
import { registerCouponJobs } from './coupons.jobs';
import './coupons.events';
import { registerCouponRoutes } from './coupons.routes';
import { MemberFacts, type TierRankOf } from './member-facts';
import { NewMemberGifts, type PointsCredit } from './new-member-gift';
import { StoreCoupons, type RedeemInStoreInput } from './store-coupons';

/** The 新人礼 points: a credit on the points ledger, inside the granting transaction. */
const creditPoints: PointsCredit = async (m, memberId, points, key, reason) => {
  await credit(m, { memberId, points, key, reason, kind: 'grant' });
};

export const couponsModule = defineModule({
  name: 'coupons',
  entities: [CouponTemplate, CouponHolding, MemberCoupon, NewMemberPack, NewMemberGift],
  // The coupons migration also created the points mall's tables.
  migrations: [Coupons1795700000000, CouponsInStore1796320000000, CouponTemplateListIndexes1796700000001],
  errors: {
    COUPON_TEMPLATE_NOT_FOUND: 404,
    COUPON_NOT_FOUND: 404,
    NEW_MEMBER_GIFT_NOT_FOUND: 404,
    COUPON_TEMPLATE_INACTIVE: 409,
    COUPON_SOLD_OUT: 409,
    COUPON_LIMIT_REACHED: 409,
    COUPON_AUDIENCE_MISMATCH: 409,
    COUPON_NOT_USABLE: 409,
    COUPON_EXPIRED: 409,
    COUPON_CODE_NOT_FOUND: 404,
    COUPON_NOT_USABLE_IN_STORE: 409,
    COUPON_ALREADY_USED: 409,
  },
  build(ctx) {
    const coupons = createCouponServices(ctx);
    const catalogue = ctx.use(catalogueModule).catalogue;
    ctx.routes((api) => registerCouponRoutes(api, coupons, catalogue, ctx.now));
    ctx.routes((api) => registerMemberCouponsRoute(api, coupons.wallet));
    // redeemInStore also sits at the top of the API, as the POS contract names it.
    return { coupons, redeemInStore: coupons.redeemInStore };
  },
});

function createCouponServices(ctx: ModuleContext) {
  const { ds, tx, now } = ctx;
  const profiles = ctx.use(membershipModule).membership.profiles;
  // A member's tier decides the tier audience (rank in TIER_CODES).
  const tierRankOf: TierRankOf = async (memberId) => TIER_CODES.indexOf((await profiles.standing(ds.manager, memberId)).tier);
  const facts = new MemberFacts(ds, ctx.use(authModule).auth, ctx.use(ordersModule).orderFacts, tierRankOf);
  const wallet = new CouponWallet(ds, tx);
  const gifts = new NewMemberGifts(ds, tx, now, creditPoints);
  const store = new StoreCoupons(ds, tx, now);
  ctx.contributors.register(couponContributor(wallet, facts));
  registerCouponHooks(ctx.hooks, wallet);
  registerCouponJobs({ scheduler: ctx.scheduler, outbox: ctx.outbox, tx, wallet, gifts, now });
  return {
    facts,
    wallet,
    gifts,
    grants: new CouponGrants(ds, tx, facts, now, ctx.outbox),
    templates: new CouponTemplates(ds, tx, facts, now),
    /** 门店核销 for the POS: exactly once, racing online checkout on the copy's status. */
    redeemInStore: (input: RedeemInStoreInput) => store.redeem(input),
  };
}

export type CouponServices = ReturnType<typeof createCouponServices>;
