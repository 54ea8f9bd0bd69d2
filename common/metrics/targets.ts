/**
 * Targets and alerts (预警): HQ sets a daily target per metric; a day whose figure falls below
 * its target raises an alert. A day with nothing to measure (no active member for a share of
 * active members, no paid order for a share of orders) raises none. Pure.
 */
import { metricsOf, type DailyCounters, type MetricKey, type PeriodCounters } from './definitions';

export type TargetKey = 'signInShare' | 'guideOrderShare' | 'conversion' | 'repurchaseRate' | 'guideGmvShare' | 'newMembers' | 'aovFen' | 'couponUseRate' | 'addGuideRate';

/** The denominator a day needs for its figure to mean anything (null: counts, always measured). */
const DENOMINATOR: Record<TargetKey, ((d: DailyCounters, p: PeriodCounters) => number) | null> = {
  signInShare: (_d, p) => p.activeMembers,
  conversion: (_d, p) => p.activeMembers,
  repurchaseRate: (_d, p) => p.payingMembers,
  guideOrderShare: (d) => d.paidOrders,
  guideGmvShare: (d) => d.gmvFen,
  aovFen: (d) => d.paidOrders,
  newMembers: null,
  couponUseRate: (d) => d.couponsIssued,
  addGuideRate: (d) => d.firstPurchases,
};

export const TARGET_KEYS = Object.keys(DENOMINATOR) as TargetKey[];

/**
 * The plans' targets: sign-in 15 % of active members daily, guides 30 % of orders, conversion 15 %.
 * The plans name no figure for the coupon use rate or the add-your-guide rate: HQ sets those.
 */
export const DEFAULT_TARGETS: Readonly<Partial<Record<TargetKey, number>>> = {
  signInShare: 1500,
  guideOrderShare: 3000,
  conversion: 1500,
};

/** Upper bounds of a target (bp up to 100 %, counts and fen within an int column). */
export function targetMax(key: TargetKey): number {
  return key === 'newMembers' || key === 'aovFen' ? 1_000_000_000 : 10_000;
}

export interface AlertFinding {
  metric: TargetKey;
  day: string;
  value: number;
  target: number;
}

/**
 * The alerts one day raises for one scope: every target whose metric is measurable that day and
 * below it. `membersToDate` only feeds metrics no target uses; pass 0 when unknown.
 */
export function alertsOfDay(day: string, d: DailyCounters, p: PeriodCounters, targets: Partial<Record<TargetKey, number>>): AlertFinding[] {
  const values = metricsOf(d, p, 0);
  const out: AlertFinding[] = [];
  for (const key of TARGET_KEYS) {
    const target = targets[key];
    if (target === undefined) continue;
    const denom = DENOMINATOR[key];
    if (denom && denom(d, p) === 0) continue;
    const value = values[key as MetricKey];
    if (value < target) out.push({ metric: key, day, value, target });
  }
  return out;
}

/** Targets in force: HQ's where set, else the defaults. */
export function effectiveTargets(set: Partial<Record<TargetKey, number | null>>): Partial<Record<TargetKey, number>> {
  const out: Partial<Record<TargetKey, number>> = { ...DEFAULT_TARGETS };
  for (const key of TARGET_KEYS) {
    const v = set[key];
    if (v === null) delete out[key];
    else if (v !== undefined) out[key] = v;
  }
  return out;
}
