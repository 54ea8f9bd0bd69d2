import { feistel, feistelInverse, sequenceValueOf, orderNoFor, shanghaiDatePrefix } from './order-no';

describe('order numbers', () => {
  it('the permutation is a bijection (exhaustive on a 14-bit domain)', () => {
    const size = 2 ** 14;
    const seen = new Uint8Array(size);
    let outOfRange = 0;
    let notInverted = 0;
    for (let x = 0; x < size; x++) {
      const y = feistel(x, 7);
      if (y < 0 || y >= size) outOfRange++;
      else seen[y]++;
      if (feistelInverse(y, 7) !== x) notInverted++;
    }
    expect(outOfRange).toBe(0);
    expect(notInverted).toBe(0);
    expect(seen.every((n) => n === 1)).toBe(true);
  });

  it('a different key gives a different permutation', () => {
    const a = Array.from({ length: 64 }, (_, i) => feistel(i, 8, 'key-a'));
    const b = Array.from({ length: 64 }, (_, i) => feistel(i, 8, 'key-b'));
    expect(a).not.toEqual(b);
  });

  it('32-bit ids: distinct and invertible over a burst of consecutive ids', () => {
    const numbers = new Set<number>();
    let bad = 0;
    for (let id = 1; id <= 5_000; id++) {
      const y = feistel(id);
      if (y >= 2 ** 32 || feistelInverse(y) !== id) bad++;
      numbers.add(y);
    }
    expect(bad).toBe(0);
    expect(numbers.size).toBe(5_000);
  });

  it('consecutive ids give numbers that are not consecutive nor ordered', () => {
    const ys = Array.from({ length: 1000 }, (_, i) => feistel(i + 1));
    let adjacent = 0;
    let ascending = 0;
    for (let i = 1; i < ys.length; i++) {
      if (Math.abs(ys[i] - ys[i - 1]) <= 1000) adjacent++;
      if (ys[i] > ys[i - 1]) ascending++;
    }
    expect(adjacent).toBeLessThan(5);
    // Roughly half go up and half down: no visible order.
    expect(ascending).toBeGreaterThan(350);
    expect(ascending).toBeLessThan(650);
  });

  it('formats yyMMdd in Asia/Shanghai plus 10 digits, and round-trips', () => {
    // 2026-05-31 17:30 UTC is already 2026-06-01 in Shanghai.
    const now = new Date('2026-05-31T17:30:00Z');
    expect(shanghaiDatePrefix(now)).toBe('260601');
    expect(shanghaiDatePrefix(new Date('2026-05-31T15:59:59Z'))).toBe('260531');
    const no = orderNoFor(42, now);
    expect(no).toMatch(/^260601\d{10}$/);
    expect(sequenceValueOf(no)).toBe(42);
    expect(orderNoFor(2 ** 31 - 1, now)).toHaveLength(16);
    expect(sequenceValueOf('abc')).toBeNull();
    expect(() => orderNoFor(0, now)).toThrow(RangeError);
  });
});
