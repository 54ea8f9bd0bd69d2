/**
 * Calendar arithmetic in Asia/Shanghai, which has been UTC+8 all year since 1991 (no daylight
 * saving), so a fixed offset is exact and common/ needs no time-zone library. Every rule takes
 * the instant `now` and asks these helpers what day, month or year it is in the shop's zone.
 */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The Shanghai wall-clock fields of an instant. */
export function shanghaiParts(at: Date): { year: number; month: number; day: number } {
  const d = new Date(at.getTime() + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the Shanghai calendar day containing `at`. */
export function shanghaiDate(at: Date): string {
  const p = shanghaiParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `YYYY-MM` of the Shanghai month containing `at`. */
export function shanghaiMonth(at: Date): string {
  return shanghaiDate(at).slice(0, 7);
}

/** The instant Shanghai midnight starts the given day (`YYYY-MM-DD`). */
export function shanghaiMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - OFFSET_MS);
}

/** The day before / after `YYYY-MM-DD` (calendar arithmetic, month and year ends included). */
export function addDays(date: string, days: number): string {
  return shanghaiDate(new Date(shanghaiMidnight(date).getTime() + days * DAY_MS));
}

/** Whole Shanghai calendar days from `a` to `b` (`YYYY-MM-DD` each); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((shanghaiMidnight(b).getTime() - shanghaiMidnight(a).getTime()) / DAY_MS);
}

/**
 * Default expiry of points earned at `earnedAt`: the end of the following calendar year in
 * Shanghai (earned any day of 2026 → usable until 2027-12-31 23:59:59.999 Shanghai time).
 * Stored as the instant the next year starts; a lot is expired when `now >= expiresAt`.
 */
export function defaultPointsExpiry(earnedAt: Date, yearsAfter = 1): Date {
  const { year } = shanghaiParts(earnedAt);
  return shanghaiMidnight(`${year + yearsAfter + 1}-01-01`);
}

/** True when `YYYY-MM-DD` is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
