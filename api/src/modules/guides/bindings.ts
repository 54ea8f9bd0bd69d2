/**
 * A shopper's bound guide, changed only through `decideBinding` (common/attribution) or an HQ
 * reassignment, each change logged. The row's `version` is a compare-and-set guard: two touches
 * of one shopper racing each other cannot both rebind from the same state.
 */
import { type EntityManager, In } from 'typeorm';
import { type AttributionRules, type BindingSignal, decideBinding, type GuideState } from '@common/attribution/rules';
import { isUniqueViolation } from '../../db/errors';
import { Guide, GuideBinding, GuideBindingLog } from './guides.entities';

export async function guideStates(m: EntityManager, ids: number[]): Promise<Map<number, GuideState>> {
  const uniq = [...new Set(ids)];
  const rows = uniq.length ? await m.find(Guide, { where: { id: In(uniq) }, select: { id: true, status: true, leftAt: true } }) : [];
  return new Map(rows.map((g) => [g.id, { id: g.id, status: g.status, leftAt: g.leftAt }]));
}

export interface BindOutcome {
  changed: boolean;
  guideId: number | null;
  reason: string;
}

/** Applies a touch or a WeCom add to the shopper's binding inside `m`. */
export async function applySignal(m: EntityManager, memberId: number, signal: BindingSignal, rules: AttributionRules, now: Date): Promise<BindOutcome> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const cur = await m.findOneBy(GuideBinding, { memberId });
    const states = await guideStates(m, cur ? [cur.guideId, signal.guideId] : [signal.guideId]);
    const d = decideBinding(cur ? { guideId: cur.guideId, boundAt: cur.boundAt, source: cur.source } : null, signal, (id) => states.get(id) ?? null, now, rules);
    if (d.action === 'keep') return { changed: false, guideId: cur?.guideId ?? null, reason: d.reason };
    if (!cur) {
      try {
        await m.insert(GuideBinding, { memberId, guideId: d.guideId, source: d.source, boundAt: now, version: 1 });
      } catch (err) {
        // Another request bound this shopper first (unique member_id): decide again against it.
        if (isUniqueViolation(err)) continue;
        throw err;
      }
    } else {
      // Compare-and-set on version: a concurrent rebind makes this affect 0 rows, and we re-decide.
      const res = await m
        .createQueryBuilder()
        .update(GuideBinding)
        .set({ guideId: d.guideId, source: d.source, boundAt: now, version: () => 'version + 1' })
        .where('id = :id AND version = :v', { id: cur.id, v: cur.version })
        .execute();
      if (res.affected !== 1) continue;
    }
    if (cur?.guideId !== d.guideId) await m.insert(GuideBindingLog, { memberId, fromGuideId: cur?.guideId ?? null, toGuideId: d.guideId, reason: d.reason, actor: null, createdAt: now });
    return { changed: cur?.guideId !== d.guideId, guideId: d.guideId, reason: d.reason };
  }
  return { changed: false, guideId: null, reason: 'contended' };
}

/** HQ moves every customer of `fromGuideId` to `toGuideId` (a guide who left), logged per shopper. */
export async function reassignAll(m: EntityManager, fromGuideId: number, toGuideId: number, actor: string, now: Date): Promise<number> {
  const rows = await m.find(GuideBinding, { where: { guideId: fromGuideId }, select: { id: true, memberId: true } });
  let moved = 0;
  for (const r of rows) {
    // Conditional on the old guide: a shopper who rebound meanwhile is left alone.
    const res = await m
      .createQueryBuilder()
      .update(GuideBinding)
      .set({ guideId: toGuideId, source: 'touch', boundAt: now, version: () => 'version + 1' })
      .where('id = :id AND guide_id = :from', { id: r.id, from: fromGuideId })
      .execute();
    if (res.affected !== 1) continue;
    await m.insert(GuideBindingLog, { memberId: r.memberId, fromGuideId, toGuideId, reason: 'hq_reassign', actor, createdAt: now });
    moved++;
  }
  return moved;
}
