import { CODE128_PATTERNS, code128Symbols, code128Widths } from './code128';

describe('Code 128', () => {
  it('has 107 distinct symbols of 11 modules (the stop 13), each three bars and three spaces', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    CODE128_PATTERNS.forEach((p, v) => {
      const sum = [...p].reduce((s, d) => s + Number(d), 0);
      expect([v, sum]).toEqual([v, v === 106 ? 13 : 11]);
      // Bars (odd positions from 1) always sum to an even count of modules: Code 128's parity.
      const bars = [...p].filter((_, i) => i % 2 === 0).reduce((s, d) => s + Number(d), 0);
      expect([v, bars % 2]).toEqual([v, 0]);
    });
  });

  it.each([
    // digits in pairs (code set C): 105 + 1·12 + 2·34 + 3·56 + 4·78 = 665 ≡ 47 (mod 103)
    ['12345678', [105, 12, 34, 56, 78, 47, 106]],
    ['000000000000', [105, 0, 0, 0, 0, 0, 0, 2, 106]],
    // odd digits or letters: code set B (value = ASCII − 32);
    // 104 + 1·48 + 2·42 + 3·42 + 4·17 + 5·18 + 6·19 + 7·35 = 879 ≡ 55 (mod 103)
    ['PJJ123C', [104, 48, 42, 42, 17, 18, 19, 35, 55, 106]],
    ['123', [104, 17, 18, 19, (104 + 17 + 36 + 57) % 103, 106]],
  ])('%s → %j', (text, symbols) => {
    expect(code128Symbols(text)).toEqual(symbols);
  });

  it('draws start C as 2-1-1-2-3-2 and ends with the stop 2-3-3-1-1-1-2; a 12-digit code is 101 modules', () => {
    const w = code128Widths('169049926781');
    expect(w.slice(0, 6)).toEqual([2, 1, 1, 2, 3, 2]);
    expect(w.slice(-7)).toEqual([2, 3, 3, 1, 1, 1, 2]);
    expect(w.reduce((a, b) => a + b, 0)).toBe(11 * 8 + 13);
  });

  it('refuses what it cannot carry', () => {
    expect(() => code128Symbols('')).toThrow();
    expect(() => code128Symbols('券码')).toThrow();
  });
});
