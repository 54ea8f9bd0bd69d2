/**
 * Largest-remainder apportionment: splits `total` fen over parts in proportion to `weights`,
 * in whole fen, so that the parts always sum to exactly `total`. Used to spread an order-level
 * discount (coupon, points) over its lines, and a partial refund over lines.
 */
export function prorate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be whole non-negative fen: ${total}`);
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be whole non-negative numbers');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot spread a non-zero total over no parts');
    return [];
  }
  // All-zero weights: spread evenly, as if every part weighed the same.
  const w = sum === 0 ? weights.map(() => 1) : weights;
  const wSum = sum === 0 ? weights.length : sum;
  // BigInt keeps total * weight exact past 2^53.
  const parts = w.map((x) => Number((BigInt(total) * BigInt(x)) / BigInt(wSum)));
  const remainders = w.map((x, i) => ({ i, r: (BigInt(total) * BigInt(x)) % BigInt(wSum) }));
  let left = total - parts.reduce((a, b) => a + b, 0);
  // Hand the leftover fen to the largest remainders; ties go to the earlier part.
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) parts[remainders[k].i] += 1;
  return parts;
}
