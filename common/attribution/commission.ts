/**
 * Commission: a rate per product, else per category, else the default, in basis points of what
 * the shopper paid for the line; accrued (held) on payment, released on completion, reversed in
 * proportion to what was refunded. Pure; amounts are integer fen.
 */

export const DEFAULT_COMMISSION_BP = 300; // 3 %
export const MAX_COMMISSION_BP = 5_000; // 50 %: anything higher is a typo

export interface RateTable {
  defaultBp: number;
  byProduct: ReadonlyMap<number, number>;
  byCategory: ReadonlyMap<number, number>;
}

export interface CommissionLine {
  productId: number;
  categoryId: number;
  payableFen: number;
}

export function rateFor(line: Pick<CommissionLine, 'productId' | 'categoryId'>, rates: RateTable): number {
  return rates.byProduct.get(line.productId) ?? rates.byCategory.get(line.categoryId) ?? rates.defaultBp;
}

/** The commission of an order: the sum over lines of floor(payable × rate), never negative. */
export function commissionFor(lines: readonly CommissionLine[], rates: RateTable): number {
  return lines.reduce((sum, l) => sum + Math.floor((Math.max(0, l.payableFen) * rateFor(l, rates)) / 10_000), 0);
}

/**
 * How much to reverse for a refund. The target is cumulative (what all refunds so far should
 * have reversed), so rounding never drifts over several partial refunds and a full refund
 * reverses exactly what was accrued.
 */
export function reversalFor(input: { accruedFen: number; payableFen: number; refundedTotalFen: number; reversedSoFarFen: number; fullyRefunded: boolean }): number {
  const { accruedFen, payableFen, refundedTotalFen, reversedSoFarFen, fullyRefunded } = input;
  const target =
    fullyRefunded || payableFen <= 0 || refundedTotalFen >= payableFen
      ? accruedFen
      : Math.floor((accruedFen * Math.max(0, refundedTotalFen)) / payableFen);
  return Math.max(0, Math.min(accruedFen, target) - reversedSoFarFen);
}
