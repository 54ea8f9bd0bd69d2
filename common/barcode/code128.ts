/**
 * Code 128 as bar widths, for drawing a barcode with plain views (no canvas, no library): code
 * set C for an even run of digits (two digits a symbol: a 12-digit store code is 6 symbols),
 * else code set B (printable ASCII). Pure; the mini-program draws the widths.
 */

/** Bar/space widths (in modules) of the 107 symbols, value 0..106; 103–105 start A/B/C, 106 stop. */
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
] as const;

export const CODE128_PATTERNS: readonly string[] = PATTERNS;
const START_B = 104;
const START_C = 105;
const STOP = 106;

/** The symbol values of `text`: start, data, checksum, stop. Throws on a character Code 128 B cannot carry. */
export function code128Symbols(text: string): number[] {
  if (!text) throw new Error('code128: empty text');
  const digits = /^(\d\d)+$/.test(text);
  const data: number[] = [];
  if (digits) {
    for (let i = 0; i < text.length; i += 2) data.push(Number(text.slice(i, i + 2)));
  } else {
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (ch.length !== 1 || code < 32 || code > 126) throw new Error(`code128: cannot encode ${JSON.stringify(ch)}`);
      data.push(code - 32);
    }
  }
  const start = digits ? START_C : START_B;
  // The checksum: start value plus each data value times its position, modulo 103.
  const checksum = data.reduce((sum, v, i) => sum + v * (i + 1), start) % 103;
  return [start, ...data, checksum, STOP];
}

/** Alternating bar and space widths in modules, starting with a bar (quiet zones not included). */
export function code128Widths(text: string): number[] {
  return code128Symbols(text).flatMap((v) => [...PATTERNS[v]].map(Number));
}
