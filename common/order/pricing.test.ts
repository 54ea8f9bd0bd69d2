import fc from 'fast-check';
import { ADJUSTMENT_ORDER, applyPriceChanges, FREE_SHIPPING_THRESHOLD_FEN, FREIGHT_FEN, freightFor, linesBefore, priceOrder, type Adjustment, type PricedLineInput } from './pricing';

const line = (skuId: number, unitPriceFen: number, quantity = 1): PricedLineInput => ({ skuId, unitPriceFen, quantity });
const adj = (kind: Adjustment['kind'], amountFen: number, skuIds?: number[]): Adjustment => ({ kind, label: kind, amountFen, skuIds });

describe('priceOrder', () => {
  it('prices lines from unit prices and quantities', () => {
    const p = priceOrder([line(1, 5900, 2), line(2, 1990)]);
    expect(p.lines.map((l) => [l.subtotalFen, l.discountFen, l.payableFen])).toEqual([
      [11800, 0, 11800],
      [1990, 0, 1990],
    ]);
    expect(p).toMatchObject({ goodsFen: 13790, discountFen: 0, freightFen: 0, payableFen: 13790, adjustments: [] });
  });

  describe('free shipping is judged on the goods after promotions and the member discount, before coupons and points', () => {
    it.each([
      ['one fen below the threshold', [line(1, 9899)], [], FREIGHT_FEN],
      ['exactly the threshold', [line(1, 9900)], [], 0],
      ['reached by quantity', [line(1, 3300, 3)], [], 0],
      ['a member discount taking it below', [line(1, 10_000)], [adj('member', 101)], FREIGHT_FEN],
      ['a member discount leaving exactly the threshold', [line(1, 10_000)], [adj('member', 100)], 0],
      ['a promotion taking it below', [line(1, 10_000)], [adj('promotion', 5000)], FREIGHT_FEN],
      ['a coupon does not take the free shipping away', [line(1, 10_000)], [adj('coupon', 5000)], 0],
      ['nor do points, even paying everything', [line(1, 12_000)], [adj('points', 12_000)], 0],
      ['points on a small order still leave its freight to pay', [line(1, 5000)], [adj('points', 5000)], FREIGHT_FEN],
      ['no lines, no freight', [], [], 0],
    ] as const)('%s', (_name, lines, adjustments, freight) => {
      const p = priceOrder(lines, adjustments);
      expect(p.freightFen).toBe(freight);
      expect(p.payableFen).toBe(p.goodsFen - p.discountFen + freight);
    });

    it('an order of ¥99 or more paid wholly by points or coupons costs nothing', () => {
      expect(priceOrder([line(1, 9900)], [adj('coupon', 4000), adj('points', 9999)])).toMatchObject({ freightFen: 0, payableFen: 0, discountFen: 9900 });
    });

    it('the rule itself at its edge', () => {
      expect(freightFor(FREE_SHIPPING_THRESHOLD_FEN - 1)).toBe(FREIGHT_FEN);
      expect(freightFor(FREE_SHIPPING_THRESHOLD_FEN)).toBe(0);
    });

    it('a contributor may waive freight (points-mall goods)', () => {
      expect(priceOrder([line(1, 100)], [], { freightWaived: true })).toMatchObject({ freightFen: 0, payableFen: 100 });
    });
  });

  describe('adjustments apply in the stated order, each capped at what its lines still owe', () => {
    const lines = [line(1, 3000), line(2, 7000)];
    it.each([
      // name, adjustments (any order given), expected applied per adjustment in applied order
      ['each takes what it asks when there is room', [adj('points', 500), adj('coupon', 1000)], [['coupon', 1000], ['points', 500]]],
      ['points are capped by what the coupon left', [adj('points', 9500), adj('coupon', 1000)], [['coupon', 1000], ['points', 9000]]],
      ['a coupon asking more than its lines owe takes only that', [adj('coupon', 5000, [1])], [['coupon', 3000]]],
      ['nothing left for a later one', [adj('coupon', 10_000), adj('points', 1)], [['coupon', 10_000], ['points', 0]]],
      ['member before coupon before points', [adj('points', 100), adj('coupon', 100), adj('member', 100), adj('promotion', 100)], [['promotion', 100], ['member', 100], ['coupon', 100], ['points', 100]]],
      ['an adjustment naming a SKU not in the order takes nothing', [adj('coupon', 500, [99])], [['coupon', 0]]],
    ] as const)('%s', (_name, adjustments, expected) => {
      const p = priceOrder(lines, adjustments as readonly Adjustment[]);
      expect(p.adjustments.map((a) => [a.kind, a.appliedFen])).toEqual(expected);
      expect(p.discountFen).toBe(expected.reduce((s, [, fen]) => s + fen, 0));
    });

    it('an adjustment limited to some lines discounts only those', () => {
      const p = priceOrder(lines, [adj('coupon', 600, [2])]);
      expect(p.adjustments[0].lineShares).toEqual([
        { skuId: 1, fen: 0 },
        { skuId: 2, fen: 600 },
      ]);
      expect(p.lines.map((l) => l.payableFen)).toEqual([3000, 6400]);
    });

    it('keeps the given order among adjustments of one kind', () => {
      const p = priceOrder(lines, [{ ...adj('coupon', 10), label: 'A' }, { ...adj('coupon', 20), label: 'B' }]);
      expect(p.adjustments.map((a) => a.label)).toEqual(['A', 'B']);
    });

    it('refuses fractional or negative amounts', () => {
      expect(() => priceOrder(lines, [adj('coupon', -1)])).toThrow(RangeError);
      expect(() => priceOrder(lines, [adj('coupon', 1.5)])).toThrow(RangeError);
    });
  });

  it('prorated shares always sum to each applied amount, and no line goes below zero', () => {
    const kinds = fc.constantFrom(...ADJUSTMENT_ORDER);
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitPriceFen: fc.integer({ min: 0, max: 1_000_000 }), quantity: fc.integer({ min: 1, max: 99 }) }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ kind: kinds, amountFen: fc.integer({ min: 0, max: 20_000_000 }), only: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }) }), { maxLength: 5 }),
        (rawLines, rawAdjs) => {
          const ls = rawLines.map((l, i) => line(i + 1, l.unitPriceFen, l.quantity));
          const p = priceOrder(
            ls,
            rawAdjs.map((a) => adj(a.kind, a.amountFen, a.only ? [a.only] : undefined)),
          );
          for (const a of p.adjustments) {
            expect(a.lineShares.reduce((s, x) => s + x.fen, 0)).toBe(a.appliedFen);
            expect(a.appliedFen).toBeLessThanOrEqual(a.amountFen);
          }
          for (const [i, l] of p.lines.entries()) {
            expect(l.payableFen).toBeGreaterThanOrEqual(0);
            expect(l.discountFen).toBe(p.adjustments.reduce((s, a) => s + a.lineShares[i].fen, 0));
          }
          expect(p.discountFen).toBe(p.adjustments.reduce((s, a) => s + a.appliedFen, 0));
          expect(p.payableFen).toBe(p.lines.reduce((s, l) => s + l.payableFen, 0) + p.freightFen);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('applyPriceChanges', () => {
  it('replaces the unit price of the named line and remembers the list price', () => {
    const out = applyPriceChanges([line(1, 5000), line(2, 800)], [{ skuId: 1, unitPriceFen: 3500, label: '拼团价' }]);
    expect(out).toEqual([{ ...line(1, 3500), listPriceFen: 5000 }, line(2, 800)]);
  });

  it('the first change for a SKU wins, and a bad price is refused', () => {
    const out = applyPriceChanges([line(1, 5000)], [
      { skuId: 1, unitPriceFen: 4000, label: 'a' },
      { skuId: 1, unitPriceFen: 1, label: 'b' },
    ]);
    expect(out[0].unitPriceFen).toBe(4000);
    expect(() => applyPriceChanges([line(1, 5000)], [{ skuId: 1, unitPriceFen: -1, label: 'x' }])).toThrow(RangeError);
  });
});

describe('linesBefore: the price before an adjustment', () => {
  const lines = [line(1, 5000, 2), line(2, 3000)];
  const changes = [{ skuId: 2, unitPriceFen: 2000, label: '拼团价' }];
  const asked = [adj('points', 700), adj('coupon', 1000, [1]), adj('member', 600), adj('promotion', 300, [2])];

  it('is the lines after the price changes and every adjustment ranked before the kind', () => {
    const payable = (kind: Adjustment['kind']) => linesBefore(lines, changes, asked, kind).map((l) => l.payableFen);
    // Line 2 at its group price; the promotion (before the member price) took 300 of it.
    expect(payable('promotion')).toEqual([10_000, 2000]);
    expect(payable('member')).toEqual([10_000, 1700]);
    const afterMember = priceOrder(applyPriceChanges(lines, changes), [asked[2], asked[3]]).lines.map((l) => l.payableFen);
    expect(payable('coupon')).toEqual(afterMember);
    expect(payable('points')).toEqual([afterMember[0] - 1000, afterMember[1]]);
    expect(linesBefore(lines, changes, asked, 'coupon').map((l) => [l.unitPriceFen, l.subtotalFen, l.priceChanged])).toEqual([
      [5000, 10_000, false],
      [2000, 2000, true],
    ]);
  });

  it('is what pricing caps each adjustment at: its lines\' price before it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitPriceFen: fc.integer({ min: 0, max: 100_000 }), quantity: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ kind: fc.constantFrom(...ADJUSTMENT_ORDER), amountFen: fc.integer({ min: 0, max: 600_000 }), only: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }), { maxLength: 4 }),
        (rawLines, rawAdjs) => {
          const ls = rawLines.map((l, i) => line(i + 1, l.unitPriceFen, l.quantity));
          // One adjustment per kind, so "before it" and "before its kind" are the same thing.
          const adjs = ADJUSTMENT_ORDER.flatMap((k) => rawAdjs.filter((a) => a.kind === k).slice(0, 1)).map((a) => adj(a.kind, a.amountFen, a.only ? [a.only] : undefined));
          const p = priceOrder(ls, adjs);
          for (const a of p.adjustments) {
            const room = linesBefore(ls, [], adjs, a.kind)
              .filter((l) => !a.skuIds?.length || a.skuIds.includes(l.skuId))
              .reduce((s, l) => s + l.payableFen, 0);
            expect(a.appliedFen).toBe(Math.min(a.amountFen, room));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
