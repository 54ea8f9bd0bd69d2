/**
 * Order attribution: decides, from the shopper's binding and recent touches under the rules in
 * force, the guide an order belongs to, the sharing guide and the evidence; writes the snapshot
 * once (unique order_id; nothing ever updates it). Also previews a rule change over past orders.
 */
import { type DataSource, type EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { type AttributionDecision, type AttributionRules, attributeOrder, refuseGuideToken, type TouchFact } from '@common/attribution/rules';
import { plainInsert } from '../../db/plain-sql';
import { guideStates } from './bindings';
import { Guide, GuideBinding, GuideTouch, OrderAttribution } from './guides.entities';
import { replayBinding } from './replay';
import type { RuleSets } from './rule-sets';
import type { ShareTokens } from '../share';
import type { MemberRow } from '../orders';

export interface Attribution extends AttributionDecision {
  storeId: number | null;
}

const HOUR = 3_600_000;

export class AttributionService {
  constructor(
    private readonly ds: DataSource,
    private readonly rules: RuleSets,
    private readonly shareTokens: ShareTokens,
  ) {}

  /**
   * The attribution of an order placed now. `entryToken` is the token checkout was sent (the card
   * the shopper came in through): when valid and not yet recorded as a touch, it counts as one now.
   */
  async decide(memberId: number, now: Date, entryToken?: string): Promise<Attribution> {
    const m = this.ds.manager;
    const r = await this.rules.current(m);
    const binding = await m.findOneBy(GuideBinding, { memberId });
    const touchRows = await m.find(GuideTouch, { where: { memberId, createdAt: MoreThanOrEqual(new Date(now.getTime() - r.sharingWindowHours * HOUR)) }, order: { id: 'DESC' }, take: 200 });
    const touches: TouchFact[] = touchRows.map((t) => ({ id: t.id, guideId: t.guideId, at: t.createdAt, scene: t.scene, groupChatId: t.groupChatId, tokenId: t.token }));
    const entry = entryToken && !touches.some((t) => t.tokenId === entryToken) ? await this.entryTouch(m, entryToken, now, r) : null;
    return this.decideFrom(m, binding, entry ? [...touches, entry] : touches, now, r);
  }

  /**
   * Checkout's member-read part (orders MemberReadPart): the latest rule version with the touch
   * window the read used ('rules': n1, n2), the binding ('binding': n2 guide, s1 source, t1 bound
   * at) and the touches in that window, newest first ('touch': n1 id, n2 guide, n3 scene, s1
   * group chat, s2 token, t1 at) — three round trips in one.
   */
  readonly memberRead = {
    sql:
      `SELECT 'rules' AS k, MAX(version) AS n1, ? AS n2, NULL AS n3, NULL AS s1, NULL AS s2, NULL AS s3, NULL AS t1 FROM attribution_rule_set ` +
      `UNION ALL SELECT 'binding', NULL, guide_id, NULL, source, NULL, NULL, bound_at FROM guide_binding WHERE member_id = ? ` +
      `UNION ALL SELECT * FROM (SELECT 'touch' AS k, id AS n1, guide_id AS n2, scene AS n3, group_chat_id AS s1, token AS s2, NULL AS s3, created_at AS t1 FROM guide_touch ` +
      `WHERE member_id = ? AND created_at >= ? ORDER BY id DESC LIMIT 200) t`,
    params: (memberId: number, now: Date): unknown[] => {
      const hours = this.rules.lastKnown.sharingWindowHours;
      const from = new Date(now.getTime() - hours * HOUR);
      return [hours, memberId, memberId, this.ds.driver.preparePersistentValue(from, this.ds.getMetadata(GuideTouch).findColumnWithPropertyName('createdAt')!)];
    },
  };

  /** decide() from the rows of memberRead; reads again only when HQ changed the touch window since. */
  async decideFromRows(rows: readonly MemberRow[], memberId: number, now: Date, entryToken?: string): Promise<Attribution> {
    const stamp = rows.find((x) => x.k === 'rules');
    const r = await this.rules.atVersion(stamp?.n1 ?? null);
    if (stamp?.n2 !== r.sharingWindowHours) return this.decide(memberId, now, entryToken);
    const m = this.ds.manager;
    const at = (v: unknown, entity: typeof GuideTouch | typeof GuideBinding, prop: string): Date => this.ds.driver.prepareHydratedValue(v, this.ds.getMetadata(entity).findColumnWithPropertyName(prop)!);
    const b = rows.find((x) => x.k === 'binding');
    const binding = b ? ({ memberId, guideId: b.n2!, source: b.s1 as GuideBinding['source'], boundAt: at(b.t1, GuideBinding, 'boundAt') } as GuideBinding) : null;
    const touches: TouchFact[] = rows
      .filter((x) => x.k === 'touch')
      .map((t) => ({ id: t.n1!, guideId: t.n2!, at: at(t.t1, GuideTouch, 'createdAt'), scene: t.n3, groupChatId: t.s1, tokenId: t.s2 ?? '' }));
    const entry = entryToken && !touches.some((t) => t.tokenId === entryToken) ? await this.entryTouch(m, entryToken, now, r) : null;
    return this.decideFrom(m, binding, entry ? [...touches, entry] : touches, now, r);
  }

  /** A valid, still-counting guide token as an unrecorded touch at `now`; null otherwise (ignored, never trusted). */
  private async entryTouch(m: EntityManager, token: string, now: Date, r: AttributionRules): Promise<TouchFact | null> {
    const v = this.shareTokens.verify(token);
    if (!v || v.kind !== 'guide') return null;
    const guide = (await guideStates(m, [v.id])).get(v.id) ?? null;
    if (refuseGuideToken(v.issuedAt, guide, now, r)) return null;
    return { id: 0, guideId: v.id, at: now, scene: null, groupChatId: null, tokenId: token };
  }

  private async decideFrom(m: EntityManager, binding: GuideBinding | null, touches: TouchFact[], now: Date, r: AttributionRules): Promise<Attribution> {
    const states = await guideStates(m, [...touches.map((t) => t.guideId), ...(binding ? [binding.guideId] : [])]);
    const d = attributeOrder(binding ? { guideId: binding.guideId, boundAt: binding.boundAt, source: binding.source } : null, touches, (id) => states.get(id) ?? null, now, r);
    const guide = d.guideId ? await m.findOne(Guide, { where: { id: d.guideId }, select: { id: true, storeId: true } }) : null;
    return { ...d, storeId: guide?.storeId ?? null };
  }

  /** Writes the snapshot inside the order transaction. */
  async snapshot(m: EntityManager, orderId: number, memberId: number, a: Attribution, now: Date): Promise<void> {
    // Plain SQL (db/plain-sql.ts): this runs inside every order's transaction.
    await plainInsert(m, OrderAttribution, [{
      orderId,
      memberId,
      guideId: a.guideId,
      boundGuideId: a.boundGuideId,
      sharingGuideId: a.sharingGuideId,
      storeId: a.storeId,
      groupChatId: a.groupChatId,
      tokenId: a.evidence.tokenId,
      scene: a.evidence.scene,
      touchAt: a.evidence.touchAt ? new Date(a.evidence.touchAt) : null,
      ruleVersion: a.evidence.ruleVersion,
      reason: a.evidence.reason,
      createdAt: now,
    }]);
  }

  async ofOrder(orderId: number): Promise<OrderAttribution | null> {
    return this.ds.manager.findOneBy(OrderAttribution, { orderId });
  }

  /**
   * What a rule change would change on the last `limit` attributed orders: each order's sharing
   * guide re-decided from the touches before it under the proposed window, and the binding rule
   * replayed over the shopper's touches under the proposed protection period.
   */
  async preview(proposed: AttributionRules, limit = 500): Promise<{ examined: number; changed: { orderId: number; guideId: number | null; wouldBe: number | null }[] }> {
    const m = this.ds.manager;
    const orders = await m.find(OrderAttribution, { order: { id: 'DESC' }, take: limit });
    const members = [...new Set(orders.map((o) => o.memberId))];
    const touches = members.length ? await m.find(GuideTouch, { where: { memberId: In(members) }, order: { createdAt: 'ASC', id: 'ASC' } }) : [];
    const changed: { orderId: number; guideId: number | null; wouldBe: number | null }[] = [];
    const states = await guideStates(m, touches.map((t) => t.guideId));
    for (const o of orders) {
      const before = touches.filter((t) => t.memberId === o.memberId && t.createdAt.getTime() <= o.createdAt.getTime());
      const binding = replayBinding(before, (id) => states.get(id) ?? null, proposed);
      const d = attributeOrder(binding, before.map((t) => ({ id: t.id, guideId: t.guideId, at: t.createdAt, scene: t.scene, groupChatId: t.groupChatId, tokenId: t.token })), (id) => states.get(id) ?? null, o.createdAt, proposed);
      if (d.guideId !== o.guideId) changed.push({ orderId: o.orderId, guideId: o.guideId, wouldBe: d.guideId });
    }
    return { examined: orders.length, changed };
  }
}
