/**
 * Money is integer fen (分) end to end: prices, totals and discounts never become floats.
 * These helpers only convert at the edges: display, and parsing what an operator types.
 */

/** True for a safe, non-negative whole number of fen. */
export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
}

/** 1990 -> "19.90"; -5 -> "-0.05". Always two decimals, no currency sign. */
export function fenToYuanString(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** 1990 -> "¥19.90"; the form used on price tags and totals. */
export function formatFen(fen: number): string {
  const s = fenToYuanString(fen);
  return s.startsWith('-') ? `-¥${s.slice(1)}` : `¥${s}`;
}

/**
 * A price tag split for large-integer / small-decimal styling: 1990 -> { yuan: "19", cents: "90" }.
 * Whole-yuan prices keep their cents ("00") so columns of prices line up.
 */
export function splitFen(fen: number): { sign: '' | '-'; yuan: string; cents: string } {
  const s = fenToYuanString(fen);
  const sign = s.startsWith('-') ? '-' : '';
  const [yuan, cents] = s.replace('-', '').split('.');
  return { sign, yuan, cents };
}

/**
 * Parses what an operator types as yuan ("19.9", "19.90", "20") into fen, exactly, without
 * floating point. Returns null for anything that is not a plain non-negative amount with at
 * most two decimals.
 */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const cents = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * 100 + Number(cents);
}

/** "省¥10.00" style saving, or null when there is none to show. */
export function savingFen(priceFen: number, originalPriceFen: number | null | undefined): number | null {
  if (originalPriceFen == null || originalPriceFen <= priceFen) return null;
  return originalPriceFen - priceFen;
}
