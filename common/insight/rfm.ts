/**
 * RFM segments: recency (days since the last paid order), frequency (paid orders in the window)
 * and monetary value (amount kept in the window, after refunds), each scored high or low against
 * HQ's thresholds (defaults: the medians of members with orders, recomputed nightly). Pure; the
 * clock is passed in. Days are Asia/Shanghai calendar days.
 */
import { addDays, daysBetween, shanghaiDate, shanghaiMidnight } from '../membership/shanghai';

export const SEGMENT_CODES = [
  'important_value',
  'important_develop',
  'important_keep',
  'important_retain',
  'general_value',
  'general_develop',
  'general_keep',
  'general_retain',
  'potential',
] as const;
export type SegmentCode = (typeof SEGMENT_CODES)[number];

export const SEGMENT_LABELS: Record<SegmentCode, string> = {
  important_value: '重要价值',
  important_develop: '重要发展',
  important_keep: '重要保持',
  important_retain: '重要挽留',
  general_value: '一般价值',
  general_develop: '一般发展',
  general_keep: '一般保持',
  general_retain: '一般挽留',
  potential: '潜在用户',
};

/** The window F and M count: the 365 Shanghai days ending today (today and the 364 before it). */
export const WINDOW_DAYS = 365;

export interface RfmThresholds {
  /** R is high (recent) when the last paid order is at most this many days ago. */
  recencyDays: number;
  /** F is high at this many paid orders or more. */
  frequency: number;
  /** M is high at this many fen kept or more. */
  monetaryFen: number;
}

/** What the plans' templates start from before any member has ordered. */
export const FALLBACK_THRESHOLDS: RfmThresholds = { recencyDays: 30, frequency: 2, monetaryFen: 20_000 };

export interface RfmInputs {
  /** The last paid order (not wholly refunded); null: never. */
  lastPaidAt: Date | null;
  /** Paid orders in the window (not wholly refunded). */
  frequency: number;
  /** Fen kept in the window: payable − refunded of those orders. */
  monetaryFen: number;
}

/** The first instant of the window that ends on `now`'s Shanghai day. */
export function windowStart(now: Date): Date {
  return shanghaiMidnight(addDays(shanghaiDate(now), -(WINDOW_DAYS - 1)));
}

/** Whole Shanghai days from the day of `at` to the day of `now` (paid today: 0, yesterday 23:59: 1). */
export function recencyDays(at: Date, now: Date): number {
  return Math.max(0, daysBetween(shanghaiDate(at), shanghaiDate(now)));
}

/** The segment of a member; no paid order at all → 潜在用户. */
export function segmentOf(i: RfmInputs, t: RfmThresholds, now: Date): SegmentCode {
  if (!i.lastPaidAt) return 'potential';
  const r = recencyDays(i.lastPaidAt, now) <= t.recencyDays;
  const f = i.frequency >= t.frequency;
  const m = i.monetaryFen >= t.monetaryFen;
  const tier = m ? 'important' : 'general';
  const kind = r ? (f ? 'value' : 'develop') : f ? 'keep' : 'retain';
  return `${tier}_${kind}` as SegmentCode;
}

/** The median of whole numbers (the mean of the middle two, rounded down); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : Math.floor((s[mid - 1] + s[mid]) / 2);
}

/**
 * The thresholds in force: HQ's where set, else the nightly medians, else the fallback. A median
 * of 0 (most members bought once, long ago) would make everyone "high": the floor is 1 order / 1 fen.
 */
export function effectiveThresholds(hq: Partial<RfmThresholds>, medians: Partial<RfmThresholds>): RfmThresholds {
  const pick = (k: keyof RfmThresholds, min: number) => Math.max(min, hq[k] ?? medians[k] ?? FALLBACK_THRESHOLDS[k]);
  return { recencyDays: pick('recencyDays', 0), frequency: pick('frequency', 1), monetaryFen: pick('monetaryFen', 1) };
}

/** A paid order as insight keeps it. */
export interface PaidOrderFigures {
  paidAt: Date;
  payableFen: number;
  refundedFen: number;
  /** A group-buy seat or an order that used a coupon. */
  promo: boolean;
}

/** M is an int column: a member's kept amount is capped at ¥20,000,000. */
export const MAX_MONETARY_FEN = 2_000_000_000;

/**
 * R, F, M and the promo count from a member's paid orders. A wholly refunded order does not
 * count at all (nothing was kept); a partly refunded one counts with what was kept, so a refund
 * lowers M.
 */
export function rfmInputsOf(orders: readonly PaidOrderFigures[], now: Date): RfmInputs & { promoOrders: number } {
  const start = windowStart(now).getTime();
  let lastPaidAt: Date | null = null;
  let frequency = 0;
  let monetaryFen = 0;
  let promoOrders = 0;
  for (const o of orders) {
    const kept = o.payableFen - o.refundedFen;
    if (kept <= 0) continue;
    if (!lastPaidAt || o.paidAt > lastPaidAt) lastPaidAt = o.paidAt;
    if (o.promo) promoOrders++;
    if (o.paidAt.getTime() >= start) {
      frequency++;
      monetaryFen += kept;
    }
  }
  return { lastPaidAt, frequency, monetaryFen: Math.min(monetaryFen, MAX_MONETARY_FEN), promoOrders };
}
