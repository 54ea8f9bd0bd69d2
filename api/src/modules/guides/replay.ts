/** Replays the binding rule over a shopper's touches in time order (for a rule-change preview). */
import { type AttributionRules, type Binding, decideBinding, type GuideState } from '@common/attribution/rules';
import type { GuideTouch } from './guides.entities';

export function replayBinding(touches: readonly GuideTouch[], guideOf: (id: number) => GuideState | null, rules: AttributionRules): Binding | null {
  let b: Binding | null = null;
  for (const t of touches) {
    const d = decideBinding(b, { kind: 'touch', guideId: t.guideId, at: t.createdAt }, guideOf, t.createdAt, rules);
    if (d.action === 'bind') b = { guideId: d.guideId, boundAt: t.createdAt, source: d.source };
  }
  return b;
}
