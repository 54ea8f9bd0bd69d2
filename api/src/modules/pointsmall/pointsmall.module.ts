/**
 * The points mall: items (a coupon or goods) sold for points, and goods redemption plugged into
 * checkout (the points ledger's own debit and returnDebit do the points).
 */
import { defineModule } from '../../platform/module';
import { MallItemListIndexes1796205000001 } from '../../db/migrations/1796205000001-mall-item-list-indexes';
import { couponsModule } from '../coupons';
import { debit, returnDebit } from '../points';
import { MallItems } from './mall-items';
import { MallRedemptions } from './mall-redeem';
import { pointsMallContributor } from './pointsmall.contributor';
import { MallHolding, MallItem, MallRedemption } from './pointsmall.entities';
import { registerHqRedemptionsRoute } from './redemptions.hq';
import { registerPointsMallRoutes } from './pointsmall.routes';
import type { PointsLedgerPort } from './points-port';

const LEDGER: PointsLedgerPort = {
  debit: (m, input) => debit(m, { ...input, kind: 'spend' }),
  returnDebit: (m, input) => returnDebit(m, input),
};

export const pointsMallModule = defineModule({
  name: 'pointsmall',
  entities: [MallItem, MallHolding, MallRedemption],
  // Its tables came with the coupons migration (1795700000000); HQ's list indexes later.
  migrations: [MallItemListIndexes1796205000001],
  errors: { MALL_ITEM_NOT_FOUND: 404, MALL_ITEM_SOLD_OUT: 409, MALL_LIMIT_REACHED: 409 },
  build(ctx) {
    const items = new MallItems(ctx.ds, ctx.tx, ctx.use(couponsModule).coupons.templates, ctx.now);
    const redemptions = new MallRedemptions(ctx.ds, ctx.tx, LEDGER, ctx.now);
    ctx.contributors.register(pointsMallContributor(items, redemptions));
    const pointsMall = { items, redemptions };
    ctx.routes((api) => registerPointsMallRoutes(api, pointsMall));
    ctx.routes((api) => registerHqRedemptionsRoute(api, ctx.ds));
    return { pointsMall };
  },
});

export interface PointsMallServices {
  items: MallItems;
  redemptions: MallRedemptions;
}
