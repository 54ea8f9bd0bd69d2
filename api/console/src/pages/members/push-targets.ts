/** Who a segment push goes to: an RFM segment or a rule tag, as a select value `segment:<code>` / `tag:<tag>`. */
import { SEGMENT_CODES, SEGMENT_LABELS, type SegmentCode } from '@common/insight/rfm';
import { RULE_TAG_LABELS, RULE_TAGS, type RuleTag } from '@common/insight/tags';
import type { PushTarget } from '@common/insight/types';

export const targetLabel = (t: PushTarget) => (t.kind === 'segment' ? SEGMENT_LABELS[t.segment] : RULE_TAG_LABELS[t.tag]);

export const TARGETS = [
  ...SEGMENT_CODES.map((s) => ({ value: `segment:${s}`, label: `分群 · ${SEGMENT_LABELS[s]}` })),
  ...RULE_TAGS.map((t) => ({ value: `tag:${t}`, label: `标签 · ${RULE_TAG_LABELS[t]}` })),
];

export const toTarget = (v: string): PushTarget => {
  const [kind, code] = v.split(':');
  return kind === 'segment' ? { kind: 'segment', segment: code as SegmentCode } : { kind: 'tag', tag: code as RuleTag };
};
