/**
 * The incremental side: one member's insight row recomputed from insight's own copy of their paid
 * orders, after an order, refund, registration or visit. Cost is one member's orders (indexed by
 * member), never a scan of all orders.
 */
import type { EntityManager } from 'typeorm';
import { rfmInputsOf } from '@common/insight/rfm';
import { ensureRow } from '../../db/ensure-row';
import { locked } from '../../db/locked-read';
import { InsightOrder, MemberInsight } from './insight.entities';
import type { Binding, InsightCore } from './insight.ports';
import type { Scoring } from './insight.settings';
import { scoreOf } from './insight.score';

export class InsightRows {
  constructor(private readonly d: InsightCore) {}

  /**
   * Makes the member's row exist (its own short transaction, see ensureRow); false when there is
   * no such member.
   */
  async ensure(memberId: number): Promise<boolean> {
    if (await this.d.ds.manager.existsBy(MemberInsight, { memberId })) return true;
    const registeredAt = await this.d.ports.registeredAt(memberId);
    if (!registeredAt) return false;
    await ensureRow(this.d.tx, MemberInsight, blankRow(memberId, registeredAt, this.d.now()));
    return true;
  }

  /** OrderPaid / OrderRefunded / OrderCompleted: the order's current figures, then the member's row. */
  async applyOrder(orderId: number): Promise<void> {
    const o = await this.d.ports.paidOrder(orderId);
    if (!o || !(await this.ensure(o.memberId))) return;
    const binding = await this.d.ports.bindingOf(o.memberId);
    const scoring = await this.d.settings.scoring();
    await this.d.tx.run(async (m) => {
      await this.lockRow(m, o.memberId);
      // The order_id key makes a redelivered OrderPaid a no-op; later events carry the order's
      // current refunded amount, which only grows (the conditional keeps a late, older one from lowering it).
      await m.createQueryBuilder().insert().into(InsightOrder).values({ orderId, memberId: o.memberId, paidAt: o.paidAt, payableFen: o.payableFen, refundedFen: o.refundedFen, promo: o.promo }).orIgnore().execute();
      await m
        .createQueryBuilder()
        .update(InsightOrder)
        .set({ refundedFen: o.refundedFen })
        .where('order_id = :orderId AND refunded_fen < :r', { orderId, r: o.refundedFen })
        .execute();
      await this.rescore(m, o.memberId, binding, scoring);
    });
  }

  /** Registration or any event naming the member: make the row and score it. */
  async touch(memberId: number): Promise<void> {
    if (!(await this.ensure(memberId))) return;
    const binding = await this.d.ports.bindingOf(memberId);
    const scoring = await this.d.settings.scoring();
    await this.d.tx.run(async (m) => {
      await this.lockRow(m, memberId);
      await this.rescore(m, memberId, binding, scoring);
    });
  }

  /**
   * Why locked: two handlers of one member (a payment and a refund) run at once; the row lock
   * orders them, and each reads the member's orders after taking it (a locking read, so it sees
   * the other's committed order row rather than an older snapshot).
   */
  private async lockRow(m: EntityManager, memberId: number): Promise<void> {
    await locked(m, m.createQueryBuilder(MemberInsight, 'i').where('i.member_id = :memberId', { memberId })).getOne();
  }

  /** Inside the caller's transaction, with the row locked (scoring read before it: no nested transaction). */
  async rescore(m: EntityManager, memberId: number, binding: Binding | null, scoring: Scoring): Promise<void> {
    const now = this.d.now();
    const orders = await locked(m, m.createQueryBuilder(InsightOrder, 'o').where('o.member_id = :memberId', { memberId })).getMany();
    const row = await m.findOneByOrFail(MemberInsight, { memberId });
    const inputs = rfmInputsOf(
      orders.map((o) => ({ ...o, paidAt: new Date(o.paidAt) })),
      now,
    );
    const next = { ...inputs, lastVisitDay: row.lastVisitDay, registeredAt: row.registeredAt };
    const scored = scoreOf(next, scoring, now);
    await m.update(
      MemberInsight,
      { memberId },
      { ...inputs, ...scored, guideId: binding?.guideId ?? null, storeId: binding?.storeId ?? null, updatedAt: now },
    );
  }
}

export function blankRow(memberId: number, registeredAt: Date, now: Date): MemberInsight {
  return {
    memberId,
    registeredAt,
    lastPaidAt: null,
    frequency: 0,
    monetaryFen: 0,
    promoOrders: 0,
    lastVisitDay: null,
    guideId: null,
    storeId: null,
    segment: 'potential',
    tagDormant: false,
    tagPromo: false,
    tagNew: true,
    tagHighValue: false,
    updatedAt: now,
  };
}
