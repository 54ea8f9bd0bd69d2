import { formatCount } from './count';

describe('formatCount', () => {
  it('shows small counts whole, then 万 and 亿 with one decimal (no trailing .0)', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234)).toBe('1234');
    expect(formatCount(9999.7)).toBe('9999');
    expect(formatCount(10000)).toBe('1万');
    expect(formatCount(12345)).toBe('1.2万');
    expect(formatCount(123456789)).toBe('1.2亿');
    expect(formatCount(-3)).toBe('0');
    expect(formatCount(Number.NaN)).toBe('0');
  });
});
