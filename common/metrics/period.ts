/**
 * The metrics' calendar: Beijing days (UTC+8, no daylight saving), ISO weeks starting on Monday
 * and calendar months, all as strings so aggregates key on them directly. Pure; no clock read.
 */
import { beijingDay } from '../hq/overview';

export type Grain = 'day' | 'week' | 'month';
export const GRAINS: readonly Grain[] = ['day', 'week', 'month'];

const DAY_MS = 24 * 3600_000;
const BEIJING_MS = 8 * 3600_000;
const DAY_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export { beijingDay };

/** Whether `s` is a real calendar day `YYYY-MM-DD` (2026-02-30 is not). */
export function isDay(s: string): boolean {
  if (!DAY_RE.test(s)) return false;
  return new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/** The UTC instants [from, to) of one Beijing day. */
export function dayRange(day: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_MS);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week a day falls in. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((dow + 6) % 7));
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The bucket label a day belongs to at a grain: the day, its week's Monday, or `YYYY-MM`. */
export function bucketOf(day: string, grain: Grain): string {
  return grain === 'day' ? day : grain === 'week' ? weekStart(day) : monthOf(day);
}

/** The key of a distinct-count period: `D2026-12-03`, `W2026-11-30` (Monday), `M2026-12`. */
export function periodKey(day: string, grain: Grain): string {
  return (grain === 'day' ? 'D' : grain === 'week' ? 'W' : 'M') + bucketOf(day, grain);
}

/** The three period keys a day counts in (its day, week and month). */
export function periodKeysOf(day: string): string[] {
  return GRAINS.map((g) => periodKey(day, g));
}

/** Every day from `from` to `to` inclusive (empty when to < from). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The first and last day of the bucket labelled `label` at a grain. */
export function bucketDays(label: string, grain: Grain): { first: string; last: string } {
  if (grain === 'day') return { first: label, last: label };
  if (grain === 'week') return { first: label, last: addDays(label, 6) };
  const first = `${label}-01`;
  const next = new Date(Date.parse(`${first}T00:00:00Z`));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { first, last: addDays(next.toISOString().slice(0, 10), -1) };
}

/** The distinct bucket labels that days [from, to] fall in, in order. */
export function bucketsBetween(from: string, to: string, grain: Grain): string[] {
  const out: string[] = [];
  for (const d of daysBetween(from, to)) {
    const b = bucketOf(d, grain);
    if (out[out.length - 1] !== b) out.push(b);
  }
  return out;
}

/** Today's Beijing day, from the clock the caller passes in. */
export function today(now: Date): string {
  return beijingDay(now);
}
