/**
 * Membership and points rules, pure: callers pass settings, figures and `now`; rules answer.
 * Stacking order of purchase points (stated once, here):
 *   base = ⌊paid ¥ × pointsPerYuan⌋ → × tier multiplier (⌊⌋) → × birthday multiplier (⌊⌋) → per-order cap.
 * Sign-in, referral and HQ grants are flat amounts outside that chain; sign-in is once a day.
 */
import type { MembershipSettings, TierCode, TierRule } from './settings';
import { addDays, isCalendarDate, shanghaiDate, shanghaiParts } from './shanghai';

/** Growth value of an amount kept: ¥1 = 1, fen below a yuan ignored. */
export const growthOf = (keptFen: number): number => Math.floor(Math.max(0, keptFen) / 100);

/** The highest tier whose threshold the growth reaches. */
export function tierFor(growth: number, s: MembershipSettings): TierRule {
  let found = s.tiers[0];
  for (const t of s.tiers) if (growth >= t.minGrowth) found = t;
  return found;
}

export const tierRule = (code: TierCode, s: MembershipSettings): TierRule => s.tiers.find((t) => t.code === code) ?? s.tiers[0];

/** The next tier and the growth still missing, or null at the top. */
export function nextTier(growth: number, s: MembershipSettings): { tier: TierRule; missing: number } | null {
  const t = s.tiers.find((x) => x.minGrowth > growth);
  return t ? { tier: t, missing: t.minGrowth - growth } : null;
}

const rank = (code: TierCode, s: MembershipSettings) => s.tiers.findIndex((t) => t.code === code);

/**
 * Whether the tier changes. On a growth change only upgrades happen (a refund never lowers the
 * tier on the spot, so it cannot flap within a day); the monthly review (1st of the month,
 * Asia/Shanghai) sets the tier to what the growth earns, down included.
 */
export function decideTier(current: TierCode, growth: number, occasion: 'growth' | 'review', s: MembershipSettings): TierCode | null {
  const earned = tierFor(growth, s).code;
  if (earned === current) return null;
  if (occasion === 'growth' && rank(earned, s) < rank(current, s)) return null;
  return earned;
}

/** True when the review job should run today: the first calendar day of a month in Shanghai. */
export const isReviewDay = (now: Date): boolean => shanghaiParts(now).day === 1;

/** True when `now` falls in the birthday's month (Asia/Shanghai). */
export function isBirthdayMonth(birthday: string | null, now: Date): boolean {
  if (!birthday) return false;
  return Number(birthday.slice(5, 7)) === shanghaiParts(now).month;
}

export interface PurchasePoints {
  base: number;
  afterTier: number;
  afterBirthday: number;
  points: number;
  capped: boolean;
}

/** Purchase points for an amount paid, in the stacking order stated above. */
export function purchasePoints(paidFen: number, tier: TierCode, birthdayMonth: boolean, s: MembershipSettings): PurchasePoints {
  const rule = tierRule(tier, s);
  const base = Math.floor((Math.max(0, paidFen) * s.earn.pointsPerYuan) / 100);
  const afterTier = Math.floor((base * rule.pointsMultiplierPct) / 100);
  const afterBirthday = birthdayMonth ? Math.floor((afterTier * rule.birthdayMultiplierPct) / 100) : afterTier;
  const points = Math.min(afterBirthday, s.earn.perOrderCap);
  return { base, afterTier, afterBirthday, points, capped: points < afterBirthday };
}

/**
 * Points a refund takes back, prorated so the parts over several refunds add up exactly:
 * what the refunded-so-far share earned, less what earlier refunds already took.
 */
export function refundPoints(earned: number, paidFen: number, refundedBeforeFen: number, refundFen: number): number {
  if (paidFen <= 0 || earned <= 0) return 0;
  const share = (fen: number) => Math.floor((earned * Math.min(fen, paidFen)) / paidFen);
  return share(refundedBeforeFen + refundFen) - share(refundedBeforeFen);
}

export interface SigninReward {
  day: string;
  streak: number;
  points: number;
  bonus: number;
}

/** Today's sign-in: the streak continues from yesterday (month and year ends included), else restarts at 1. */
export function signinReward(lastDay: string | null, lastStreak: number, now: Date, s: MembershipSettings): SigninReward {
  const day = shanghaiDate(now);
  const streak = lastDay === addDays(day, -1) ? lastStreak + 1 : 1;
  const bonus = s.earn.streakBonuses.reduce((sum, b) => sum + (b.every > 0 && streak % b.every === 0 ? b.points : 0), 0);
  return { day, streak, points: s.earn.signinPoints + bonus, bonus };
}

/** A birthday a shopper may enter: a real date, not in the future, from 1900 on. */
export function birthdayProblem(value: string, now: Date): string | null {
  if (!isCalendarDate(value)) return '请填写正确的日期';
  if (value < '1900-01-01' || value > shanghaiDate(now)) return '生日不能晚于今天';
  return null;
}

/** Referral recorded only for a member share token naming someone else. */
export function referrerFrom(token: { kind: string; id: number } | null, newMemberId: number): number | null {
  if (!token || token.kind !== 'member' || token.id === newMemberId) return null;
  return token.id;
}

/**
 * Points usable at checkout: the balance, bounded by the cap share of the goods, in whole-fen
 * steps (100 points = ¥1 by default, so 1 point = 1 fen).
 */
export function maxUsablePoints(goodsFen: number, balance: number, s: MembershipSettings): number {
  const capFen = Math.floor((Math.max(0, goodsFen) * s.redeem.maxSharePct) / 100);
  const capPoints = Math.floor((capFen * s.redeem.pointsPerYuan) / 100);
  const usable = Math.min(Math.max(0, balance), capPoints);
  const step = Math.max(1, s.redeem.pointsPerYuan / 100);
  return usable - (usable % step);
}

/** Fen that `points` pay for, and back: points for an applied fen amount (rounded up, never less). */
export const fenForPoints = (points: number, s: MembershipSettings): number => Math.floor((points * 100) / s.redeem.pointsPerYuan);
export const pointsForFen = (fen: number, s: MembershipSettings): number => Math.ceil((fen * s.redeem.pointsPerYuan) / 100);

/** Member price of a unit price under a tier discount (rounded down to the fen, never below 1 fen). */
export function memberPriceFen(unitFen: number, discountPct: number): number {
  if (discountPct <= 0) return unitFen;
  return Math.max(1, unitFen - Math.floor((unitFen * discountPct) / 100));
}

/** Lots expiring within this many days are "expiring soon" (reminder event and 积分明细). */
export const EXPIRY_REMINDER_DAYS = 30;
