/**
 * Builds the points-mall services and plugs goods redemption into checkout (app.ts calls this
 * once, after the coupons; the points ledger's own debit and returnDebit do the points).
 */
import type { DataSource } from 'typeorm';
import type { Transactor } from '../../db/transaction';
import type { CouponServices } from '../coupons/coupons.module';
import type { CheckoutContributors } from '../orders/checkout/contributor';
import { debit, returnDebit } from '../points/ledger';
import { MallItems } from './mall-items';
import { MallRedemptions } from './mall-redeem';
import { pointsMallContributor } from './pointsmall.contributor';
import type { PointsLedgerPort } from './points-port';

const LEDGER: PointsLedgerPort = {
  debit: (m, input) => debit(m, { ...input, kind: 'spend' }),
  returnDebit: (m, input) => returnDebit(m, input),
};

export function createPointsMallServices(deps: { ds: DataSource; tx: Transactor; coupons: CouponServices; contributors: CheckoutContributors; now: () => Date; ledger?: PointsLedgerPort }) {
  const items = new MallItems(deps.ds, deps.tx, deps.coupons.templates, deps.now);
  const redemptions = new MallRedemptions(deps.ds, deps.tx, deps.ledger ?? LEDGER, deps.now);
  deps.contributors.register(pointsMallContributor(items, redemptions));
  return { items, redemptions };
}

export type PointsMallServices = ReturnType<typeof createPointsMallServices>;
