/**
 * Checkout pricing: every figure the shopper pays is computed here, on the server, from the
 * SKUs' current prices and the adjustments the checkout contributors bring. The client sends
 * SKU ids, quantities and the ids of what it wants applied (a coupon id, a points count); never
 * an amount.
 *
 * The order of application is fixed and stated (ADJUSTMENT_ORDER):
 *   1. unit-price changes (a group price, a points-mall price) replace a line's unit price;
 *   2. store promotions, 3. the member (tier) discount, 4. coupons, 5. points.
 * Each adjustment names the lines it applies to (all lines when it names none) and asks for an
 * amount; it is capped at what those lines still have left to pay after the adjustments before
 * it, and prorated over them by what each still has left. The result reports, per adjustment,
 * the amount it really took and each line's share, so refunds and commission use real figures.
 *
 * Free shipping (满 ¥99 包邮): judged on the goods' price after unit-price changes, store
 * promotions and the member discount — what the goods cost this shopper — and before coupons and
 * points, which are ways of paying for them (a coupon that brings ¥120 down to ¥95 does not cost
 * the shopper the free shipping; an order paid wholly by points can ship free). At or above
 * FREE_SHIPPING_THRESHOLD_FEN it ships free, below it FREIGHT_FEN is added. A contributor may
 * waive freight (a points-mall redemption ships free). Freight itself is never discounted.
 */
import { prorate } from './prorate';

/** Largest quantity of one SKU in one order. */
export const MAX_LINE_QUANTITY = 99;
/** Most distinct SKUs in one order. */
export const MAX_ORDER_LINES = 50;
/** Orders whose goods, after discounts, come to at least this much ship free. */
export const FREE_SHIPPING_THRESHOLD_FEN = 9900;
export const FREIGHT_FEN = 800;
/**
 * Largest goods total of one order (¥1,000,000): far above any real basket, and far below the
 * INT columns' 2^31 limit, so an absurd quote is a clear 400 instead of a database error.
 */
export const MAX_ORDER_FEN = 100_000_000;

/** The stated order in which order-level adjustments apply. */
export const ADJUSTMENT_ORDER = ['promotion', 'member', 'coupon', 'points'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_ORDER)[number];

export interface PricedLineInput {
  skuId: number;
  /** The price the line is bought at (after any unit-price change). */
  unitPriceFen: number;
  quantity: number;
  /** The SKU's ordinary price when a unit-price change applied (shown struck through). */
  listPriceFen?: number;
}

/** A unit-price change a contributor asks for: line `skuId` is bought at `unitPriceFen`. */
export interface PriceChange {
  skuId: number;
  unitPriceFen: number;
  /** What the page shows beside the price: 拼团价, 积分兑换价. */
  label: string;
}

/** An order-level discount a contributor asks for. */
export interface Adjustment {
  kind: AdjustmentKind;
  /** What the page shows: 金卡会员 9.5 折, 满 99 减 10, 积分抵扣. */
  label: string;
  /** The contributor's own reference (coupon id, points count) so its reserve finds it again. */
  ref?: string;
  /** Discount asked for, in fen, ≥ 0. The applied amount may be less (capped). */
  amountFen: number;
  /** The lines it may discount; omitted or empty = every line. */
  skuIds?: number[];
}

export interface AppliedAdjustment extends Adjustment {
  /** What it really took: min(asked, what its lines had left to pay). */
  appliedFen: number;
  /** Its share per line, in input line order (0 for lines it does not name); sums to appliedFen. */
  lineShares: { skuId: number; fen: number }[];
}

export interface PricedLine extends PricedLineInput {
  /** unitPriceFen × quantity. */
  subtotalFen: number;
  /** This line's share of all the order-level discounts. */
  discountFen: number;
  /** What the shopper pays for this line: subtotal − discount. */
  payableFen: number;
}

export interface OrderPricing {
  lines: PricedLine[];
  goodsFen: number;
  discountFen: number;
  freightFen: number;
  /** goods − discount + freight: the amount sent to WeChat Pay. */
  payableFen: number;
  /** Every adjustment asked for, in the order applied, with what it really took. */
  adjustments: AppliedAdjustment[];
}

export interface PricingOptions {
  /** A contributor waived freight (points-mall goods). */
  freightWaived?: boolean;
}

/** The free-shipping rule on the goods' price (after promotions and the member discount). */
export function freightFor(goodsPriceFen: number): number {
  return goodsPriceFen >= FREE_SHIPPING_THRESHOLD_FEN ? 0 : FREIGHT_FEN;
}

/** Adjustments that lower what the goods cost (free shipping is judged after them); the others are ways to pay. */
const PRICE_LOWERING_KINDS: readonly AdjustmentKind[] = ['promotion', 'member'];

/** Applies unit-price changes to lines (the first change for a SKU wins; later ones are ignored). */
export function applyPriceChanges<L extends PricedLineInput>(lines: readonly L[], changes: readonly PriceChange[]): L[] {
  return lines.map((l) => {
    const c = changes.find((x) => x.skuId === l.skuId);
    if (!c || c.unitPriceFen === l.unitPriceFen) return l;
    if (!Number.isSafeInteger(c.unitPriceFen) || c.unitPriceFen < 0) throw new RangeError(`unit price must be whole non-negative fen: ${c.unitPriceFen}`);
    return { ...l, listPriceFen: l.listPriceFen ?? l.unitPriceFen, unitPriceFen: c.unitPriceFen };
  });
}

const rank = (k: AdjustmentKind) => ADJUSTMENT_ORDER.indexOf(k);

/** A line as an adjustment sees it when its turn comes (see linesBefore). */
export interface LineBefore {
  skuId: number;
  quantity: number;
  /** After unit-price changes. */
  unitPriceFen: number;
  /** A unit-price change named this line (a group price, a points-mall price). */
  priceChanged: boolean;
  /** unitPriceFen × quantity: the line's part of the goods. */
  subtotalFen: number;
  /** What the line still has to pay after the adjustments ranked before `kind`. */
  payableFen: number;
}

/**
 * The price before an adjustment of `kind`: the lines after the unit-price changes and every
 * adjustment ranked before `kind` (ADJUSTMENT_ORDER), priced exactly as priceOrder will price
 * them. The one place a contributor learns the base its own adjustment applies to.
 */
export function linesBefore(
  lines: readonly PricedLineInput[],
  changes: readonly PriceChange[],
  adjustments: readonly Adjustment[],
  kind: AdjustmentKind,
): LineBefore[] {
  const earlier = adjustments.filter((a) => rank(a.kind) < rank(kind));
  const priced = priceOrder(applyPriceChanges(lines, changes), earlier).lines;
  return priced.map((l) => ({
    skuId: l.skuId,
    quantity: l.quantity,
    unitPriceFen: l.unitPriceFen,
    priceChanged: changes.some((c) => c.skuId === l.skuId),
    subtotalFen: l.subtotalFen,
    payableFen: l.payableFen,
  }));
}

export function priceOrder(lines: readonly PricedLineInput[], adjustments: readonly Adjustment[] = [], options: PricingOptions = {}): OrderPricing {
  const subtotals = lines.map((l) => l.unitPriceFen * l.quantity);
  const goodsFen = subtotals.reduce((a, b) => a + b, 0);
  // What each line still has to pay as adjustments take their part, in the stated order.
  const left = [...subtotals];
  // Stable sort: adjustments of one kind keep the order the contributors gave them.
  const ordered = adjustments.map((a, i) => ({ a, i })).sort((x, y) => rank(x.a.kind) - rank(y.a.kind) || x.i - y.i);
  const applied: AppliedAdjustment[] = ordered.map(({ a }) => {
    if (!Number.isSafeInteger(a.amountFen) || a.amountFen < 0) throw new RangeError(`adjustment must be whole non-negative fen: ${a.amountFen}`);
    const named = a.skuIds?.length ? new Set(a.skuIds) : null;
    const weights = lines.map((l, i) => (!named || named.has(l.skuId) ? left[i] : 0));
    const room = weights.reduce((s, w) => s + w, 0);
    // Capped: never more than its own lines still have to pay (so no line goes below zero).
    const appliedFen = Math.min(a.amountFen, room);
    const shares = room === 0 ? weights.map(() => 0) : prorate(appliedFen, weights);
    shares.forEach((s, i) => (left[i] -= s));
    return { ...a, appliedFen, lineShares: lines.map((l, i) => ({ skuId: l.skuId, fen: shares[i] })) };
  });
  const priced = lines.map((l, i) => ({ ...l, subtotalFen: subtotals[i], discountFen: subtotals[i] - left[i], payableFen: left[i] }));
  const discountFen = goodsFen - left.reduce((a, b) => a + b, 0);
  const goodsPriceFen = goodsFen - applied.filter((a) => PRICE_LOWERING_KINDS.includes(a.kind)).reduce((s, a) => s + a.appliedFen, 0);
  const freightFen = !lines.length || options.freightWaived ? 0 : freightFor(goodsPriceFen);
  return { lines: priced, goodsFen, discountFen, freightFen, payableFen: goodsFen - discountFen + freightFen, adjustments: applied };
}
