/** A member's segment and rule tags from their insight row (the rules are common/insight's). */
import { segmentOf, type RfmInputs, type SegmentCode } from '@common/insight/rfm';
import { tagsOf, type RuleTag } from '@common/insight/tags';
import type { MemberInsight } from './insight.entities';
import type { Scoring } from './insight.settings';

export interface Scored {
  segment: SegmentCode;
  tagDormant: boolean;
  tagPromo: boolean;
  tagNew: boolean;
  tagHighValue: boolean;
}

type ScoreInputs = Pick<MemberInsight, 'registeredAt' | 'lastPaidAt' | 'frequency' | 'monetaryFen' | 'promoOrders' | 'lastVisitDay'>;

export function scoreOf(row: ScoreInputs, s: Scoring, now: Date): Scored {
  const rfm: RfmInputs = { lastPaidAt: row.lastPaidAt ? new Date(row.lastPaidAt) : null, frequency: row.frequency, monetaryFen: row.monetaryFen };
  const tags = tagsOf({ ...rfm, registeredAt: new Date(row.registeredAt), lastVisitDay: row.lastVisitDay, promoOrders: row.promoOrders }, s.highValueFen, now);
  return {
    segment: segmentOf(rfm, s.thresholds, now),
    tagDormant: tags.includes('dormant'),
    tagPromo: tags.includes('promo_sensitive'),
    tagNew: tags.includes('new'),
    tagHighValue: tags.includes('high_value'),
  };
}

/** The rule tags of a stored row, in the rules' order. */
export function ruleTagsOf(r: Pick<MemberInsight, 'tagDormant' | 'tagPromo' | 'tagNew' | 'tagHighValue'>): RuleTag[] {
  const out: RuleTag[] = [];
  if (r.tagDormant) out.push('dormant');
  if (r.tagPromo) out.push('promo_sensitive');
  if (r.tagNew) out.push('new');
  if (r.tagHighValue) out.push('high_value');
  return out;
}

/** The boolean columns come back as 0/1 on MySQL. */
export const bool = (v: unknown) => v === true || v === 1 || v === '1';
