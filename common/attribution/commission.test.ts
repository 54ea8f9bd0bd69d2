import { commissionFor, DEFAULT_COMMISSION_BP, type RateTable, reversalFor } from './commission';

const rates: RateTable = { defaultBp: DEFAULT_COMMISSION_BP, byProduct: new Map([[7, 1000]]), byCategory: new Map([[2, 500]]) };

test.each([
  ['default 3 %', [{ productId: 1, categoryId: 1, payableFen: 10_000 }], 300],
  ['category rate', [{ productId: 1, categoryId: 2, payableFen: 10_000 }], 500],
  ['product rate beats its category', [{ productId: 7, categoryId: 2, payableFen: 10_000 }], 1000],
  ['floors per line', [{ productId: 1, categoryId: 1, payableFen: 99 }, { productId: 1, categoryId: 1, payableFen: 99 }], 4],
  ['a free line earns nothing', [{ productId: 1, categoryId: 1, payableFen: 0 }], 0],
])('commissionFor: %s', (_n, lines, expected) => {
  expect(commissionFor(lines, rates)).toBe(expected);
});

test.each([
  ['a third refunded', { accruedFen: 300, payableFen: 9_000, refundedTotalFen: 3_000, reversedSoFarFen: 0, fullyRefunded: false }, 100],
  ['second third: cumulative, no drift', { accruedFen: 100, payableFen: 3, refundedTotalFen: 2, reversedSoFarFen: 33, fullyRefunded: false }, 33],
  ['last part of a full refund takes the remainder', { accruedFen: 100, payableFen: 3, refundedTotalFen: 3, reversedSoFarFen: 66, fullyRefunded: true }, 34],
  ['nothing left to reverse', { accruedFen: 100, payableFen: 300, refundedTotalFen: 300, reversedSoFarFen: 100, fullyRefunded: true }, 0],
  ['free order', { accruedFen: 0, payableFen: 0, refundedTotalFen: 0, reversedSoFarFen: 0, fullyRefunded: true }, 0],
])('reversalFor: %s', (_n, input, expected) => {
  expect(reversalFor(input)).toBe(expected);
});
