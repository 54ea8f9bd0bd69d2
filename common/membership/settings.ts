/**
 * Membership and points settings: HQ edits them (PUT /api/hq/membership/settings); these are the
 * defaults from the business plan. Multipliers are integer percent (150 = ×1.5) and discounts
 * integer percent off goods, so every rule stays in integers.
 */
export type TierCode = 'basic' | 'silver' | 'gold' | 'black';
export const TIER_CODES: readonly TierCode[] = ['basic', 'silver', 'gold', 'black'];

export interface TierRule {
  code: TierCode;
  label: string;
  /** Growth value (¥ kept: paid − refunded) at which the tier starts; basic starts at 0. */
  minGrowth: number;
  /** Purchase points multiplier, percent (100 = ×1). */
  pointsMultiplierPct: number;
  /** Member discount on goods, percent off (5 = 95 折, shown as 会员价). */
  discountPct: number;
  /** Purchase points multiplier in the member's birthday month, percent (200 = doubled). */
  birthdayMultiplierPct: number;
}

export interface StreakBonus {
  /** Every `every`-th consecutive day (7 → days 7, 14, 21 …). */
  every: number;
  points: number;
}

export interface MembershipSettings {
  tiers: TierRule[];
  earn: {
    /** Purchase points per ¥1 paid (before multipliers). */
    pointsPerYuan: number;
    /** Most purchase points one order can earn, after every multiplier. */
    perOrderCap: number;
    signinPoints: number;
    streakBonuses: StreakBonus[];
    referralPoints: number;
  };
  redeem: {
    /** Points that make ¥1 at checkout. */
    pointsPerYuan: number;
    /** Most of the goods total points may pay, percent. */
    maxSharePct: number;
  };
}

export const DEFAULT_SETTINGS: MembershipSettings = {
  tiers: [
    { code: 'basic', label: '基础会员', minGrowth: 0, pointsMultiplierPct: 100, discountPct: 0, birthdayMultiplierPct: 200 },
    { code: 'silver', label: '银卡会员', minGrowth: 1_000, pointsMultiplierPct: 120, discountPct: 2, birthdayMultiplierPct: 200 },
    { code: 'gold', label: '金卡会员', minGrowth: 5_000, pointsMultiplierPct: 150, discountPct: 5, birthdayMultiplierPct: 200 },
    { code: 'black', label: '黑卡会员', minGrowth: 20_000, pointsMultiplierPct: 200, discountPct: 10, birthdayMultiplierPct: 300 },
  ],
  earn: { pointsPerYuan: 1, perOrderCap: 100_000, signinPoints: 5, streakBonuses: [{ every: 7, points: 20 }], referralPoints: 50 },
  redeem: { pointsPerYuan: 100, maxSharePct: 50 },
};

/** Why settings are refused (null when fine): tiers in order, basic from 0, thresholds rising. */
export function settingsProblem(s: MembershipSettings): string | null {
  if (s.tiers.length !== TIER_CODES.length || s.tiers.some((t, i) => t.code !== TIER_CODES[i])) return 'tiers 须依次为 basic, silver, gold, black';
  if (s.tiers[0].minGrowth !== 0) return 'tiers.0.minGrowth 须为 0';
  for (let i = 1; i < s.tiers.length; i++) {
    if (s.tiers[i].minGrowth <= s.tiers[i - 1].minGrowth) return `tiers.${i}.minGrowth 须高于上一等级`;
  }
  if (100 % s.redeem.pointsPerYuan !== 0 && s.redeem.pointsPerYuan % 100 !== 0) return 'redeem.pointsPerYuan 须为 100 的约数或倍数';
  return null;
}
