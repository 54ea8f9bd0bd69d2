import { FREE_SHIPPING_THRESHOLD_FEN, FREIGHT_FEN, freightFor, priceOrder } from './pricing';

describe('priceOrder', () => {
  it('prices lines from unit prices and quantities', () => {
    const p = priceOrder([
      { skuId: 1, unitPriceFen: 5900, quantity: 2 },
      { skuId: 2, unitPriceFen: 1990, quantity: 1 },
    ]);
    expect(p.lines.map((l) => [l.subtotalFen, l.discountFen, l.payableFen])).toEqual([
      [11800, 0, 11800],
      [1990, 0, 1990],
    ]);
    expect(p).toMatchObject({ goodsFen: 13790, discountFen: 0, freightFen: 0, payableFen: 13790, adjustments: [] });
  });

  it('adds freight below the threshold, and none at or above it', () => {
    expect(FREE_SHIPPING_THRESHOLD_FEN).toBe(9900);
    expect(freightFor(FREE_SHIPPING_THRESHOLD_FEN - 1)).toBe(FREIGHT_FEN);
    expect(freightFor(FREE_SHIPPING_THRESHOLD_FEN)).toBe(0);
    expect(priceOrder([{ skuId: 1, unitPriceFen: 9899, quantity: 1 }])).toMatchObject({ freightFen: 800, payableFen: 10699 });
    expect(priceOrder([{ skuId: 1, unitPriceFen: 9900, quantity: 1 }])).toMatchObject({ freightFen: 0, payableFen: 9900 });
    expect(priceOrder([{ skuId: 1, unitPriceFen: 3300, quantity: 3 }])).toMatchObject({ freightFen: 0, payableFen: 9900 });
  });

  it('spreads a discount over the lines so line payables add up to the goods payable', () => {
    const p = priceOrder(
      [
        { skuId: 1, unitPriceFen: 3333, quantity: 1 },
        { skuId: 2, unitPriceFen: 6667, quantity: 2 },
        { skuId: 3, unitPriceFen: 1, quantity: 1 },
      ],
      [{ kind: 'coupon', label: '满100减10', amountFen: 1001 }],
    );
    expect(p.discountFen).toBe(1001);
    expect(p.lines.reduce((n, l) => n + l.discountFen, 0)).toBe(1001);
    expect(p.lines.reduce((n, l) => n + l.payableFen, 0)).toBe(p.goodsFen - p.discountFen);
    // The threshold is judged after the discount.
    expect(p.freightFen).toBe(p.goodsFen - p.discountFen >= 9900 ? 0 : 800);
    expect(p.payableFen).toBe(p.goodsFen - p.discountFen + p.freightFen);
  });

  it('a discount never takes the goods below zero', () => {
    const p = priceOrder([{ skuId: 1, unitPriceFen: 500, quantity: 1 }], [{ kind: 'points', label: '积分', amountFen: 9999 }]);
    expect(p).toMatchObject({ goodsFen: 500, discountFen: 500, freightFen: FREIGHT_FEN, payableFen: FREIGHT_FEN });
    expect(p.lines[0].payableFen).toBe(0);
  });

  it('an empty order costs nothing, not even freight', () => {
    expect(priceOrder([])).toMatchObject({ goodsFen: 0, freightFen: 0, payableFen: 0 });
  });
});
