import { fenToYuanString, formatFen, isFen, parseYuan, savingFen, splitFen } from './money';

describe('money', () => {
  it('formats fen as yuan with two decimals', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(1990)).toBe('¥19.90');
    expect(formatFen(123456789)).toBe('¥1234567.89');
    expect(formatFen(-250)).toBe('-¥2.50');
  });

  it('refuses non-integer fen instead of rounding silently', () => {
    expect(() => formatFen(19.9)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
  });

  it('splits a price for big-yuan/small-cents display', () => {
    expect(splitFen(5900)).toEqual({ sign: '', yuan: '59', cents: '00' });
    expect(splitFen(-1)).toEqual({ sign: '-', yuan: '0', cents: '01' });
  });

  it('parses what an operator types, exactly', () => {
    expect(parseYuan('19.9')).toBe(1990);
    expect(parseYuan(' 19.90 ')).toBe(1990);
    expect(parseYuan('20')).toBe(2000);
    expect(parseYuan('0.07')).toBe(7);
    // 0.1 + 0.2 style float drift would give 1.1 * 100 = 110.00000000000001
    expect(parseYuan('1.1')).toBe(110);
    for (const bad of ['', '1.234', '-1', 'abc', '1e3', '1,000', '.5']) expect(parseYuan(bad)).toBeNull();
  });

  it('round-trips every cent value through format and parse', () => {
    for (let fen = 0; fen < 2000; fen += 7) expect(parseYuan(fenToYuanString(fen))).toBe(fen);
  });

  it('knows a whole fen amount when it sees one', () => {
    expect(isFen(100)).toBe(true);
    expect(isFen(0)).toBe(true);
    expect(isFen(-1)).toBe(false);
    expect(isFen(1.5)).toBe(false);
    expect(isFen('100')).toBe(false);
  });

  it('shows a saving only when the original price is higher', () => {
    expect(savingFen(5900, 7900)).toBe(2000);
    expect(savingFen(5900, 5900)).toBeNull();
    expect(savingFen(5900, null)).toBeNull();
  });
});
