/**
 * Code 128 (code set B) for the member code's barcode: printable ASCII, a modulo-103 check
 * symbol, and the bar/space widths of each symbol. Pure; the page paints the modules on a canvas
 * (with a quiet zone of 10 modules each side, which is the painter's job).
 */

/** Widths (bar, space, bar, space, bar, space) of symbol values 0–105, then the stop (7 elements). */
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 ' +
  '123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 ' +
  '232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 ' +
  '313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 ' +
  '111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 ' +
  '114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112'
).split(' ');

export const CODE128_PATTERNS: readonly string[] = PATTERNS;
const START_B = 104;
const STOP = 106;

export interface Code128 {
  /** Symbol values: start B, the data, the check symbol, the stop. */
  values: number[];
  /** One entry per module, left to right: true for a bar. */
  modules: boolean[];
}

export function encodeCode128B(text: string): Code128 {
  const data = Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch.length !== 1 || c < 32 || c > 127) throw new RangeError(`Code 128 B cannot encode ${JSON.stringify(ch)}`);
    return c - 32;
  });
  const check = data.reduce((sum, v, i) => sum + v * (i + 1), START_B) % 103;
  const values = [START_B, ...data, check, STOP];
  const modules: boolean[] = [];
  for (const v of values) {
    [...PATTERNS[v]].forEach((w, i) => {
      for (let k = 0; k < Number(w); k++) modules.push(i % 2 === 0);
    });
  }
  return { values, modules };
}
