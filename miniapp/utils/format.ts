/** Display helpers for counts and dates (Chinese conventions). */

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

/** ISO instant -> "2025年11月22日" in Asia/Shanghai (UTC+8, no DST). */
export function formatDateCn(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t + 8 * 3600 * 1000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
