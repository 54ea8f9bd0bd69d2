/**
 * Counts as product cards show them (已售 …), in Chinese conventions. Shared by the mini-program's
 * cards and the API's server-rendered H5 first screen, so both read the same.
 */

/** 1234 -> "1234", 12345 -> "1.2万", 123456789 -> "1.2亿". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '0';
  if (n < 10000) return String(Math.floor(n));
  if (n < 100000000) return `${trimZero((n / 10000).toFixed(1))}万`;
  return `${trimZero((n / 100000000).toFixed(1))}亿`;
}

function trimZero(s: string): string {
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}
