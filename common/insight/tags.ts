/**
 * Behaviour tags as the plans define them, pure with the clock passed in:
 * - 沉睡用户: no visit and no paid order in the last 30 Shanghai days (a member who just registered
 *   is not asleep: registration counts as activity);
 * - 促销敏感型: 3 or more paid group-buy or coupon orders (not wholly refunded);
 * - 新客: registered within the last 30 Shanghai days;
 * - 高净值: among the top 5 % by M (at or above the nightly cut, and M > 0).
 * HQ adds manual tags (free labels) beside them.
 */
import { addDays, shanghaiDate } from '../membership/shanghai';

export const RULE_TAGS = ['dormant', 'promo_sensitive', 'new', 'high_value'] as const;
export type RuleTag = (typeof RULE_TAGS)[number];

export const RULE_TAG_LABELS: Record<RuleTag, string> = {
  dormant: '沉睡用户',
  promo_sensitive: '促销敏感型',
  new: '新客',
  high_value: '高净值',
};

export const DORMANT_DAYS = 30;
export const NEW_DAYS = 30;
export const PROMO_ORDERS = 3;
/** 高净值: the top 5 % by M. */
export const HIGH_VALUE_SHARE = 0.05;
export const MAX_MANUAL_TAG_LENGTH = 12;
export const MAX_MANUAL_TAGS = 10;

export interface TagInputs {
  registeredAt: Date;
  lastPaidAt: Date | null;
  /** `YYYY-MM-DD` (Shanghai) of the last visit; null: never recorded. */
  lastVisitDay: string | null;
  promoOrders: number;
  monetaryFen: number;
}

/** The first Shanghai day of a span of `days` days ending today. */
const spanStart = (now: Date, days: number) => addDays(shanghaiDate(now), -(days - 1));

export function tagsOf(i: TagInputs, highValueFen: number | null, now: Date): RuleTag[] {
  const since = spanStart(now, DORMANT_DAYS);
  const activeDays = [shanghaiDate(i.registeredAt), i.lastVisitDay, i.lastPaidAt ? shanghaiDate(i.lastPaidAt) : null];
  const tags: RuleTag[] = [];
  if (!activeDays.some((d) => d !== null && d >= since)) tags.push('dormant');
  if (i.promoOrders >= PROMO_ORDERS) tags.push('promo_sensitive');
  if (shanghaiDate(i.registeredAt) >= spanStart(now, NEW_DAYS)) tags.push('new');
  if (highValueFen !== null && i.monetaryFen > 0 && i.monetaryFen >= highValueFen) tags.push('high_value');
  return tags;
}

/**
 * The 高净值 cut from the M values of members with M > 0, sorted high to low: the M of the member
 * at rank ceil(5 % of them) (at least one). Ties at the cut are all in.
 */
export function highValueRank(membersWithM: number): number {
  return Math.max(1, Math.ceil(membersWithM * HIGH_VALUE_SHARE));
}

/** A manual tag's problem, or null: trimmed, 1–12 characters, not a rule tag's name. */
export function manualTagProblem(tag: string): string | null {
  const t = tag.trim();
  if (!t) return '请填写标签';
  if ([...t].length > MAX_MANUAL_TAG_LENGTH) return `标签最多 ${MAX_MANUAL_TAG_LENGTH} 个字`;
  if ((Object.values(RULE_TAG_LABELS) as string[]).includes(t)) return '该标签由系统按规则计算，不能手动添加';
  return null;
}

/** What a guide's views show: the segment's label, then the rule tags' labels, then the manual tags. */
export function tagLabelsOf(t: { ruleTags: readonly RuleTag[]; manualTags: readonly string[] }): string[] {
  return [...t.ruleTags.map((r) => RULE_TAG_LABELS[r]), ...t.manualTags];
}
