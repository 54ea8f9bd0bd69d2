import { decodeLines, encodeLines } from './checkout-lines';

describe('checkout lines in the page query', () => {
  it('round-trips SKU ids and quantities', () => {
    const lines = [{ skuId: 12, quantity: 2 }, { skuId: 7, quantity: 1 }];
    expect(encodeLines(lines)).toBe('12x2,7x1');
    expect(decodeLines(encodeLines(lines))).toEqual(lines);
    expect(decodeLines(encodeURIComponent('12x2,7x1'))).toEqual(lines);
  });

  it('drops anything that is not skuId x quantity (a hand-edited URL never sends junk)', () => {
    expect(decodeLines(undefined)).toEqual([]);
    expect(decodeLines('')).toEqual([]);
    expect(decodeLines('12x2,abc,3x,x4,5x-1,6x1.5,7x1')).toEqual([{ skuId: 12, quantity: 2 }, { skuId: 7, quantity: 1 }]);
  });
});
