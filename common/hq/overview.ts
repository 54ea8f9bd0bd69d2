/**
 * 概览's periods and figures as pure functions: Beijing calendar days (UTC+8, no daylight saving),
 * and the figures of a set of paid orders. The API loads the rows; these decide the numbers.
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

/** One paid order, or (with `orders`) a bucket of them: a day's orders of one guide, summed. */
export interface PaidOrderFact {
  netFen: number;
  guideId: number | null;
  paidAt: Date;
  /** How many orders the fact sums (default 1). */
  orders?: number;
}

const countOf = (o: PaidOrderFact) => o.orders ?? 1;

export function figuresOf(orders: readonly PaidOrderFact[], newMembers: number, addGuide: { prompted: number; added: number }): OverviewFigures {
  const gmvFen = orders.reduce((s, o) => s + o.netFen, 0);
  const guideFen = orders.reduce((s, o) => s + (o.guideId !== null ? o.netFen : 0), 0);
  const count = orders.reduce((s, o) => s + countOf(o), 0);
  return {
    gmvFen,
    orders: count,
    aovFen: count ? Math.round(gmvFen / count) : 0,
    newMembers,
    guideShareBp: bp(guideFen, gmvFen),
    addGuideRateBp: bp(addGuide.added, addGuide.prompted),
  };
}

/** Daily GMV and order count for every day of the range, oldest first (days without orders are 0). */
export function dailyTrend(orders: readonly PaidOrderFact[], range: { from: Date; to: Date }): { day: string; gmvFen: number; orders: number }[] {
  const days = new Map<string, { day: string; gmvFen: number; orders: number }>();
  for (let t = range.from.getTime(); t < range.to.getTime(); t += DAY_MS) {
    const day = beijingDay(new Date(t));
    days.set(day, { day, gmvFen: 0, orders: 0 });
  }
  for (const o of orders) {
    const d = days.get(beijingDay(o.paidAt));
    if (!d) continue;
    d.gmvFen += o.netFen;
    d.orders += countOf(o);
  }
  return [...days.values()];
}
