/**
 * Feeds the aggregates. Orders are synced (the counters move by the difference between the order
 * now and what was counted of it, metric_order), so OrderPaid, OrderRefunded, OrderCompleted and
 * the nightly re-derivation may all sync one order, in any order and any number of times. Other
 * facts come from events with an applied key, or from other modules' read ports by the refresh job.
 */
import type { EntityManager } from 'typeorm';
import { beijingDay } from '@common/metrics/period';
import { locked } from '../../db/locked-read';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import type { Outbox } from '../outbox';
import type { OrderFacts } from '../orders';
import { MetricOrder } from './metrics.entities';
import { applyOnce, bumpDaily, markMember, scopesOf } from './metrics.store';
import './metrics.events';

/** The fields of an order the metrics count. */
export interface CountedOrder {
  id: number;
  memberId: number;
  guideId: number | null;
  payableFen: number;
  refundedFen: number;
  paidAt: Date | null;
  /** What each discount took (coupon, points, member price …), from pricing. */
  adjustments?: readonly { kind: string; ref?: string | null; appliedFen: number }[];
}

/** Coupons used and points redeemed in an order, from its applied adjustments. */
export function incentivesOf(o: CountedOrder): { couponsUsed: number; couponFen: number; pointsSpent: number } {
  let couponsUsed = 0;
  let couponFen = 0;
  let pointsSpent = 0;
  for (const a of o.adjustments ?? []) {
    if (a.kind === 'coupon') {
      couponsUsed++;
      couponFen += a.appliedFen;
    } else if (a.kind === 'points') pointsSpent += Number(a.ref) || 0;
  }
  return { couponsUsed, couponFen, pointsSpent };
}

export interface FeedDeps {
  tx: Transactor;
  now: () => Date;
  orders: Pick<OrderFacts, 'byId' | 'hasPaidBefore'>;
  storeOfGuide: (guideId: number) => Promise<number | null>;
  memberCreatedAt: (memberId: number) => Promise<Date | null>;
  /** Whether the member is a guide's WeCom contact now, or became one at or after `since`. */
  wecomContactSince: (memberId: number, since: Date) => Promise<boolean>;
}

export class MetricsFeed {
  constructor(private readonly d: FeedDeps) {}

  /** Counts a paid order once, and later refunds of it by their difference; unpaid orders count nothing. */
  async syncOrder(o: CountedOrder): Promise<'counted' | 'updated' | 'unchanged' | 'unpaid'> {
    if (!o.paidAt) return 'unpaid';
    const paidAt = new Date(o.paidAt);
    const day = beijingDay(paidAt);
    const storeId = o.guideId === null ? null : await this.d.storeOfGuide(o.guideId);
    // Decided before the transaction from paid_at order; the nightly re-derivation corrects the
    // rare case of two first orders paid within one commit's time of each other.
    const first = !(await this.d.orders.hasPaidBefore(o.memberId, o.id, paidAt));
    const guideAdded = first && (await this.d.wecomContactSince(o.memberId, paidAt));
    return this.d.tx.run(async (m) => {
      // Why locked: two syncs of one order (its paid and refunded events) serialise on this row.
      const lockRow = () => locked(m, m.createQueryBuilder(MetricOrder, 'o').where('o.orderId = :id', { id: o.id })).getOne();
      let row = await lockRow();
      if (!row) {
        try {
          await m.insert(MetricOrder, { orderId: o.id, day, memberId: o.memberId, guideId: o.guideId, storeId, payableFen: o.payableFen, refundFen: o.refundedFen, firstPurchase: first, guideAdded });
        } catch (err) {
          // Another sync inserted it first (the primary key is the idempotency key): take the delta path.
          if (!isUniqueViolation(err)) throw err;
          row = await lockRow();
        }
        if (!row) {
          await this.countNew(m, o, day, storeId, first, guideAdded);
          return 'counted';
        }
      }
      return (await this.applyDelta(m, row, o, first, guideAdded)) ? 'updated' : 'unchanged';
    });
  }

  private async countNew(m: EntityManager, o: CountedOrder, day: string, storeId: number | null, first: boolean, guideAdded: boolean): Promise<void> {
    const byGuide = o.guideId !== null;
    await bumpDaily(m, day, scopesOf(storeId, o.guideId), {
      paidOrders: 1,
      gmvFen: o.payableFen,
      refundFen: o.refundedFen,
      guideOrders: byGuide ? 1 : 0,
      guideGmvFen: byGuide ? o.payableFen : 0,
      firstPurchases: first ? 1 : 0,
      firstBuyersAddedGuide: guideAdded ? 1 : 0,
      ...incentivesOf(o),
    });
    await markMember(m, day, scopesOf(storeId, o.guideId), o.memberId, { paid: true, firstBuy: first });
  }

  private async applyDelta(m: EntityManager, row: MetricOrder, o: CountedOrder, first: boolean, guideAdded: boolean): Promise<boolean> {
    const scopes = scopesOf(row.storeId, row.guideId);
    // Each column moves by a conditional UPDATE from the value we locked; only the statement that
    // moved it (affected 1) moves the counters. Refunds only add up, so a stale read never undoes a newer one.
    const move = async (set: Partial<MetricOrder>, cond: string, old: unknown) =>
      ((await m.createQueryBuilder().update(MetricOrder).set(set).where(`order_id = :id AND ${cond} = :old`, { id: row.orderId, old }).execute()).affected ?? 0) === 1;
    let changed = false;
    if (o.refundedFen > row.refundFen && (await move({ refundFen: o.refundedFen }, 'refund_fen', row.refundFen))) {
      await bumpDaily(m, row.day, scopes, { refundFen: o.refundedFen - row.refundFen });
      changed = true;
    }
    if (first !== row.firstPurchase && (await move({ firstPurchase: first }, 'first_purchase', row.firstPurchase))) {
      await bumpDaily(m, row.day, scopes, { firstPurchases: first ? 1 : -1, firstBuyersAddedGuide: !first && row.guideAdded ? -1 : 0 });
      // Only forward: a member's first-buy flag is not taken back (the rare correction is left to the period).
      if (first) await markMember(m, row.day, scopes, row.memberId, { firstBuy: true });
      if (!first && row.guideAdded) await move({ guideAdded: false }, 'guide_added', true);
      changed = true;
    }
    // The add-your-guide flag only turns on (a contact deleted later still added their guide).
    if (first && guideAdded && !row.guideAdded && (await move({ guideAdded: true }, 'guide_added', false))) {
      await bumpDaily(m, row.day, scopes, { firstBuyersAddedGuide: 1 });
      changed = true;
    }
    return changed;
  }

  async syncOrderId(orderId: number): Promise<void> {
    const o = await this.d.orders.byId(orderId);
    if (o) await this.syncOrder(o);
  }

  /** Adds event-borne counts under the delivery's key, so a redelivery adds nothing. */
  async countOnce(key: string, day: string, delta: Parameters<typeof bumpDaily>[3], storeId: number | null = null, guideId: number | null = null): Promise<void> {
    await this.d.tx.run(async (m) => {
      if (!(await applyOnce(m, key, this.d.now()))) return;
      await bumpDaily(m, day, scopesOf(storeId, guideId), delta);
    });
  }

  /** A touch: counted once per delivery, and the member marked touched in the day's, week's and month's rows. */
  async touch(key: string, day: string, memberId: number, guideId: number | null): Promise<void> {
    const storeId = guideId === null ? null : await this.d.storeOfGuide(guideId);
    await this.d.tx.run(async (m) => {
      if (!(await applyOnce(m, key, this.d.now()))) return;
      const scopes = scopesOf(storeId, guideId);
      await bumpDaily(m, day, scopes, { touches: 1 });
      await markMember(m, day, scopes, memberId, { touched: true });
    });
  }

  /** A member's first paid order, re-synced (their add-your-guide flag may now turn on). */
  async resyncFirstPurchase(memberId: number): Promise<void> {
    const first = await this.d.tx.run((m) => m.findOne(MetricOrder, { select: { orderId: true }, where: { memberId, firstPurchase: true } }));
    if (first) await this.syncOrderId(first.orderId);
  }

  subscribe(outbox: Outbox): void {
    outbox.subscribe('OrderPaid', 'metrics.order-paid', (e) => this.syncOrderId(e.orderId));
    outbox.subscribe('OrderRefunded', 'metrics.order-refunded', (e) => this.syncOrderId(e.orderId));
    outbox.subscribe('OrderCompleted', 'metrics.order-completed', (e) => this.syncOrderId(e.orderId));
    outbox.subscribe('MemberRegistered', 'metrics.member-registered', async (e, ctx) => {
      const at = await this.d.memberCreatedAt(e.memberId);
      if (at) await this.countOnce(ctx.idempotencyKey, beijingDay(at), { newMembers: 1 });
    });
    // Flags flip once per member and period (markMember), so a redelivered visit changes nothing.
    outbox.subscribe('MemberVisited', 'metrics.member-visited', (e) =>
      this.d.tx.run((m) => markMember(m, e.day, scopesOf(e.storeId, e.guideId), e.memberId, { active: true })),
    );
    outbox.subscribe('GroupSucceeded', 'metrics.group-succeeded', (_e, ctx) => this.countOnce(ctx.idempotencyKey, beijingDay(this.d.now()), { groupsSucceeded: 1 }));
    outbox.subscribe('GroupFailed', 'metrics.group-failed', (_e, ctx) => this.countOnce(ctx.idempotencyKey, beijingDay(this.d.now()), { groupsFailed: 1 }));
    outbox.subscribe('GuideTouched', 'metrics.guide-touched', (e, ctx) => this.touch(ctx.idempotencyKey, e.day, e.memberId, e.guideId));
    outbox.subscribe('WecomContactAdded', 'metrics.wecom-added', async (e, ctx) => {
      await this.touch(ctx.idempotencyKey, e.day, e.memberId, e.guideId);
      await this.resyncFirstPurchase(e.memberId);
    });
    // A pushed coupon has no guide: a chain-wide touch.
    outbox.subscribe('CouponPushed', 'metrics.coupon-pushed', (e, ctx) => this.touch(ctx.idempotencyKey, beijingDay(this.d.now()), e.memberId, null));
    outbox.subscribe('OfflineSaleRecorded', 'metrics.offline-sale', (e, ctx) => this.countOnce(ctx.idempotencyKey, e.day, { offlineSales: 1, offlineGmvFen: e.amountFen }, e.storeId, e.guideId));
    outbox.subscribe('OfflineSaleReturned', 'metrics.offline-return', (e, ctx) => this.countOnce(ctx.idempotencyKey, e.day, { offlineReturnFen: e.amountFen }, e.storeId, e.guideId));
  }
}
