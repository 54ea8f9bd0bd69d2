/**
 * Checkout pricing: every figure the shopper pays is computed here, on the server, from the
 * SKUs' current prices. The client sends SKU ids and quantities only.
 *
 * Later features plug in as `adjustments` (coupon, points, group-buy price): each is an
 * order-level discount in fen that prorate() spreads over the lines, so every line knows what
 * was really paid for it (refunds and commission need that).
 */
import { prorate } from './prorate';

/** Largest quantity of one SKU in one order. */
export const MAX_LINE_QUANTITY = 99;
/** Most distinct SKUs in one order. */
export const MAX_ORDER_LINES = 50;
/** Orders of at least this much ship free; below it, FREIGHT_FEN is added. */
export const FREE_SHIPPING_THRESHOLD_FEN = 9900;
export const FREIGHT_FEN = 800;
/**
 * Largest goods total of one order (¥1,000,000): far above any real basket, and far below the
 * INT columns' 2^31 limit, so an absurd quote is a clear 400 instead of a database error.
 */
export const MAX_ORDER_FEN = 100_000_000;

export interface PricedLineInput {
  skuId: number;
  unitPriceFen: number;
  quantity: number;
}

export interface Adjustment {
  kind: 'coupon' | 'points' | 'promotion';
  label: string;
  /** Discount in fen, positive. */
  amountFen: number;
}

export interface PricedLine extends PricedLineInput {
  /** unitPriceFen × quantity. */
  subtotalFen: number;
  /** This line's share of the order-level discounts. */
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
  adjustments: Adjustment[];
}

export function freightFor(goodsAfterDiscountFen: number): number {
  return goodsAfterDiscountFen >= FREE_SHIPPING_THRESHOLD_FEN ? 0 : FREIGHT_FEN;
}

export function priceOrder(lines: readonly PricedLineInput[], adjustments: readonly Adjustment[] = []): OrderPricing {
  const subtotals = lines.map((l) => l.unitPriceFen * l.quantity);
  const goodsFen = subtotals.reduce((a, b) => a + b, 0);
  // A discount can never take the goods below zero.
  const discountFen = Math.min(goodsFen, adjustments.reduce((a, b) => a + b.amountFen, 0));
  const shares = prorate(discountFen, subtotals);
  const priced = lines.map((l, i) => ({ ...l, subtotalFen: subtotals[i], discountFen: shares[i], payableFen: subtotals[i] - shares[i] }));
  const freightFen = lines.length ? freightFor(goodsFen - discountFen) : 0;
  return { lines: priced, goodsFen, discountFen, freightFen, payableFen: goodsFen - discountFen + freightFen, adjustments: [...adjustments] };
}
