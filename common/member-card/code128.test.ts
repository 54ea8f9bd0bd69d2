import { CODE128_PATTERNS, encodeCode128B } from './code128';

const sum = (s: string) => [...s].reduce((a, c) => a + Number(c), 0);

describe('Code 128 table', () => {
  it('has 106 symbols of 11 modules with an even bar count, all different, and a 13-module stop', () => {
    const symbols = CODE128_PATTERNS.slice(0, 106);
    expect(CODE128_PATTERNS).toHaveLength(107);
    for (const p of symbols) {
      expect([p, p.length, sum(p)]).toEqual([p, 6, 11]);
      expect([p, (Number(p[0]) + Number(p[2]) + Number(p[4])) % 2]).toEqual([p, 0]);
    }
    expect(new Set(symbols).size).toBe(106);
    expect([CODE128_PATTERNS[106], sum(CODE128_PATTERNS[106])]).toEqual(['2331112', 13]);
  });

  it.each([
    // Worked by hand: (104 + 33·1 + 34·2 + 35·3) mod 103 = 310 mod 103 = 1.
    ['ABC', [104, 33, 34, 35, 1, 106]],
    // (104 + 45·1 + 17·2 + 14·3) mod 103 = 225 mod 103 = 19.
    ['M1.', [104, 45, 17, 14, 19, 106]],
  ])('%s → values %j', (text, values) => expect(encodeCode128B(text).values).toEqual(values));

  it('draws 11 modules per symbol plus the 13-module stop, starting with a bar and ending with one', () => {
    const { modules } = encodeCode128B('M1.s4k9qo.AbCdEfGhIjKl');
    expect(modules).toHaveLength((1 + 22 + 1) * 11 + 13);
    expect([modules[0], modules[modules.length - 1]]).toEqual([true, true]);
    // Start B is 2-1-1-2-1-4: bar bar space bar space space bar ...
    expect(modules.slice(0, 11).map(Number).join('')).toBe('11010010000');
  });

  it('refuses characters outside code set B', () => {
    expect(() => encodeCode128B('会员')).toThrow(RangeError);
    expect(() => encodeCode128B('a\tb')).toThrow(RangeError);
  });
});
