/**
 * The insight metrics' own tables: daily additive counters and distinct-member counters per
 * (period, scope), the per-member rows that make the distinct counts exact, the applied-event
 * keys of the idempotent handlers, HQ's targets and the ROI plan. Scope: `chain` (id 0), `store`
 * or `guide`; an order's store is the store of the guide it is attributed to.
 */
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../db/columns';

export type ScopeKind = 'chain' | 'store' | 'guide';

@Entity('metric_daily')
@Index('uq_metric_daily', ['day', 'scopeKind', 'scopeId'], { unique: true })
@Index('idx_metric_daily_scope', ['scopeKind', 'scopeId', 'day'])
export class MetricDaily {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  /** Beijing `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ type: 'varchar', length: 5 }) scopeKind!: ScopeKind;
  @Column({ type: 'integer' }) scopeId!: number;
  @Column({ type: 'int' }) newMembers!: number;
  @Column({ type: 'int' }) paidOrders!: number;
  /** One day's payable of one scope in fen (an int holds ¥21 million a day). */
  @Column({ type: 'int' }) gmvFen!: number;
  @Column({ type: 'int' }) refundFen!: number;
  @Column({ type: 'int' }) guideOrders!: number;
  @Column({ type: 'int' }) guideGmvFen!: number;
  @Column({ type: 'int' }) firstPurchases!: number;
  @Column({ type: 'int' }) groupsSucceeded!: number;
  @Column({ type: 'int' }) groupsFailed!: number;
  @Column({ type: 'int' }) couponsUsed!: number;
  @Column({ type: 'int' }) couponFen!: number;
  @Column({ type: 'int' }) pointsSpent!: number;
  @Column({ type: 'int' }) touches!: number;
  @Column({ type: 'int' }) couponsIssued!: number;
  @Column({ type: 'int' }) pointsEarned!: number;
  @Column({ type: 'int' }) pointsUsed!: number;
  @Column({ type: 'int' }) firstBuyersAddedGuide!: number;
  @Column({ type: 'int' }) offlineSales!: number;
  @Column({ type: 'int' }) offlineGmvFen!: number;
  @Column({ type: 'int' }) offlineReturnFen!: number;
}

@Entity('metric_period')
@Index('uq_metric_period', ['period', 'scopeKind', 'scopeId'], { unique: true })
export class MetricPeriod {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  /** `D2026-12-03`, `W2026-11-30` (the week's Monday) or `M2026-12`. */
  @Column({ type: 'varchar', length: 11 }) period!: string;
  @Column({ type: 'varchar', length: 5 }) scopeKind!: ScopeKind;
  @Column({ type: 'integer' }) scopeId!: number;
  @Column({ type: 'int' }) activeMembers!: number;
  @Column({ type: 'int' }) signedInMembers!: number;
  @Column({ type: 'int' }) payingMembers!: number;
  @Column({ type: 'int' }) repeatMembers!: number;
  @Column({ type: 'int' }) touchedMembers!: number;
  @Column({ type: 'int' }) touchedFirstBuyers!: number;
  @Column({ type: 'int' }) touchedRepeatBuyers!: number;
}

/** One member in one period and scope: its flags flip once (conditional UPDATE), which moves the period's counters exactly once. */
@Entity('metric_member')
@Index('uq_metric_member', ['period', 'scopeKind', 'scopeId', 'memberId'], { unique: true })
@Index('idx_metric_member_member', ['memberId', 'period'])
export class MetricMember {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 11 }) period!: string;
  @Column({ type: 'varchar', length: 5 }) scopeKind!: ScopeKind;
  @Column({ type: 'integer' }) scopeId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ type: 'boolean' }) signedIn!: boolean;
  /** Paid orders in the period, capped at 2 (all the repurchase rate needs). */
  @Column({ type: 'int' }) paidOrders!: number;
  /** Touched in the period; made their first-ever paid order in the period. */
  @Column({ type: 'boolean' }) touched!: boolean;
  @Column({ type: 'boolean' }) firstBuy!: boolean;
  /** The touch-funnel stage already counted: 0, 1 (touched first buyer) or 2 (and paid again). Only moves forward. */
  @Column({ type: 'int' }) funnel!: number;
}

/**
 * What the aggregates have counted of one paid order: syncing an order moves the counters by the
 * difference between the order as it is now and this row, so the event handlers and the nightly
 * re-derivation can both sync any order any number of times and count it exactly once.
 */
@Entity('metric_order')
@Index('idx_metric_order_member', ['memberId', 'firstPurchase'])
export class MetricOrder {
  @PrimaryColumn({ type: 'integer' }) orderId!: number;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'integer', nullable: true }) guideId!: number | null;
  @Column({ type: 'integer', nullable: true }) storeId!: number | null;
  @Column({ type: 'int' }) payableFen!: number;
  /** Only grows (refunds only add up), so a stale read can never move it back. */
  @Column({ type: 'int' }) refundFen!: number;
  @Column({ type: 'boolean' }) firstPurchase!: boolean;
  /** A first purchase whose member is a guide's WeCom contact after it (counted once, never taken back). */
  @Column({ type: 'boolean' }) guideAdded!: boolean;
}

/** Keys of work applied once: an outbox delivery (`eventId:handler`) or a finished re-derivation (`rederive:<day>`). */
@Entity('metric_applied')
export class MetricApplied {
  @PrimaryColumn({ type: 'varchar', length: 80 }) applyKey!: string;
  @DateTimeColumn() appliedAt!: Date;
}

/** HQ's daily target per metric; value null clears a default. */
@Entity('metric_target')
export class MetricTarget {
  @PrimaryColumn({ type: 'varchar', length: 20 }) metric!: string;
  @Column({ type: 'int', nullable: true }) value!: number | null;
  @DateTimeColumn() updatedAt!: Date;
}

/** The ROI plan HQ entered (one row, id 1): costs and assumptions as JSON (RoiPlanInput). */
@Entity('metric_roi_plan')
export class MetricRoiPlan {
  @PrimaryColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'text' }) plan!: string;
  @DateTimeColumn() updatedAt!: Date;
}

export const METRICS_ENTITIES = [MetricDaily, MetricPeriod, MetricMember, MetricOrder, MetricApplied, MetricTarget, MetricRoiPlan];
