import { prorate } from './prorate';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe('prorate', () => {
  it('parts always sum to the total, are non-negative and whole (10 000 generated cases)', () => {
    const next = rng(42);
    for (let c = 0; c < 10_000; c++) {
      const n = 1 + next(8);
      const weights = Array.from({ length: n }, () => (next(4) === 0 ? 0 : next(100_000)));
      const total = next(3) === 0 ? next(10) : next(1_000_000);
      const parts = prorate(total, weights);
      expect(parts).toHaveLength(n);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      const sum = weights.reduce((a, b) => a + b, 0);
      if (sum > 0) {
        // Zero weights get nothing; every part is within one fen of its exact share.
        weights.forEach((w, i) => {
          if (w === 0) expect(parts[i]).toBe(0);
          expect(Math.abs(parts[i] - (total * w) / sum)).toBeLessThan(1);
        });
      }
    }
  });

  it('hands remainders to the largest remainders, ties to the earlier part', () => {
    expect(prorate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(prorate(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(prorate(1, [1, 2])).toEqual([0, 1]);
    expect(prorate(5, [2, 2])).toEqual([3, 2]);
  });

  it('all-zero weights spread evenly; zero total gives zeros', () => {
    expect(prorate(7, [0, 0, 0])).toEqual([3, 2, 2]);
    expect(prorate(0, [5, 0, 9])).toEqual([0, 0, 0]);
    expect(prorate(0, [])).toEqual([]);
  });

  it('stays exact past 2^53 intermediate products', () => {
    const parts = prorate(99_999_999, [2 ** 40, 3, 2 ** 40 + 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(99_999_999);
  });

  it('refuses what is not whole non-negative fen', () => {
    expect(() => prorate(-1, [1])).toThrow(RangeError);
    expect(() => prorate(1.5, [1])).toThrow(RangeError);
    expect(() => prorate(10, [1, -1])).toThrow(RangeError);
    expect(() => prorate(10, [0.5])).toThrow(RangeError);
    expect(() => prorate(10, [])).toThrow(RangeError);
  });
});
