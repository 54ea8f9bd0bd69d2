/**
 * 概览's periods and figures as pure functions: Beijing calendar days (UTC+8, no daylight saving),
 * and the figures of a range of days' totals. The API reads the aggregates; these decide the numbers.
 */
import type { OverviewFigures } from './types';

const DAY_MS = 24 * 3600_000;
const BEIJING_MS = 8 * 3600_000;

/** The UTC instant of 00:00 Beijing time on the day `now` falls on. */
export function beijingDayStart(now: Date): Date {
  return new Date(Math.floor((now.getTime() + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS);
}

/** `YYYY-MM-DD` of the Beijing day an instant falls on. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

/** The last `days` Beijing days up to and including today: [start of the first, start of tomorrow). */
export function lastDays(now: Date, days: number): { from: Date; to: Date } {
  const today = beijingDayStart(now).getTime();
  return { from: new Date(today - (days - 1) * DAY_MS), to: new Date(today + DAY_MS) };
}

/** Basis points of part over whole, 0 when the whole is 0. */
export const bp = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 10_000) : 0);

/** One Beijing day's paid orders (net of refunds), from the daily aggregates. */
export interface DayTotals {
  day: string;
  /** Payable minus refunded of the day's paid orders, fen. */
  netFen: number;
  /** The part of netFen from orders attributed to a guide. */
  guideNetFen: number;
  orders: number;
  newMembers: number;
}

/** The days of a range that fall in [from, to) (days are `YYYY-MM-DD`, stood at their Beijing 00:00). */
export function daysIn(days: readonly DayTotals[], range: { from: Date; to: Date }): DayTotals[] {
  return days.filter((d) => {
    const at = new Date(`${d.day}T00:00:00+08:00`);
    return at >= range.from && at < range.to;
  });
}

export function figuresOf(days: readonly DayTotals[], addGuide: { prompted: number; added: number }): OverviewFigures {
  const sum = (k: 'netFen' | 'guideNetFen' | 'orders' | 'newMembers') => days.reduce((s, d) => s + d[k], 0);
  const gmvFen = sum('netFen');
  const count = sum('orders');
  return {
    gmvFen,
    orders: count,
    aovFen: count ? Math.round(gmvFen / count) : 0,
    newMembers: sum('newMembers'),
    guideShareBp: bp(sum('guideNetFen'), gmvFen),
    addGuideRateBp: bp(addGuide.added, addGuide.prompted),
  };
}

/** Daily GMV and order count for every day of the range, oldest first (days without orders are 0). */
export function dailyTrend(days: readonly DayTotals[], range: { from: Date; to: Date }): { day: string; gmvFen: number; orders: number }[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const out: { day: string; gmvFen: number; orders: number }[] = [];
  for (let t = range.from.getTime(); t < range.to.getTime(); t += DAY_MS) {
    const day = beijingDay(new Date(t));
    out.push({ day, gmvFen: byDay.get(day)?.netFen ?? 0, orders: byDay.get(day)?.orders ?? 0 });
  }
  return out;
}
