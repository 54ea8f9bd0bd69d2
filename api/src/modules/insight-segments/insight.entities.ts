/** Member insight's tables (migration 1796300000000): visit days, the insight row, order figures, manual tags, settings, pushes. */
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SegmentCode } from '@common/insight/rfm';
import { DateTimeColumn } from '../../db/columns';

/** One row per member per Beijing day they used the app; (member, day) unique makes it one write a day. */
@Entity('member_visit_day')
@Index('uq_member_visit_day', ['memberId', 'day'], { unique: true })
@Index('idx_member_visit_day_day', ['day'])
export class MemberVisitDay {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @DateTimeColumn() createdAt!: Date;
}

/**
 * A member's RFM inputs, segment and rule tags. Written only by this module: the outbox handlers
 * (one member at a time, under a lock of this row) and the nightly job (set-based, in batches).
 */
@Entity('member_insight')
@Index('idx_member_insight_segment', ['segment', 'memberId'])
@Index('idx_member_insight_store', ['storeId', 'segment', 'memberId'])
@Index('idx_member_insight_m', ['monetaryFen'])
@Index('idx_member_insight_dormant', ['tagDormant', 'memberId'])
@Index('idx_member_insight_promo', ['tagPromo', 'memberId'])
@Index('idx_member_insight_new', ['tagNew', 'memberId'])
@Index('idx_member_insight_hv', ['tagHighValue', 'memberId'])
@Index('idx_member_insight_store_tags', ['storeId', 'tagDormant', 'tagPromo', 'tagNew', 'tagHighValue'])
export class MemberInsight {
  @PrimaryColumn({ type: 'integer' }) memberId!: number;
  @DateTimeColumn() registeredAt!: Date;
  @DateTimeColumn({ nullable: true }) lastPaidAt!: Date | null;
  /** Paid orders in the 365-day window, not wholly refunded. */
  @Column({ type: 'int' }) frequency!: number;
  /** Fen kept from those orders (payable − refunded). */
  @Column({ type: 'int' }) monetaryFen!: number;
  /** Paid group-buy or coupon orders, all time, not wholly refunded. */
  @Column({ type: 'int' }) promoOrders!: number;
  @Column({ type: 'varchar', length: 10, nullable: true }) lastVisitDay!: string | null;
  /** The guide the member is bound to, and that guide's store (a store manager's scope). */
  @Column({ type: 'integer', nullable: true }) guideId!: number | null;
  @Column({ type: 'integer', nullable: true }) storeId!: number | null;
  @Column({ type: 'varchar', length: 20 }) segment!: SegmentCode;
  @Column({ type: 'boolean' }) tagDormant!: boolean;
  @Column({ type: 'boolean' }) tagPromo!: boolean;
  @Column({ type: 'boolean' }) tagNew!: boolean;
  @Column({ type: 'boolean' }) tagHighValue!: boolean;
  @DateTimeColumn() updatedAt!: Date;
}

/** Insight's copy of a paid order's figures; order_id is the OrderPaid handler's idempotency key. */
@Entity('insight_order')
@Index('idx_insight_order_member', ['memberId', 'paidAt'])
@Index('idx_insight_order_paid', ['paidAt'])
export class InsightOrder {
  @PrimaryColumn({ type: 'integer' }) orderId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @DateTimeColumn() paidAt!: Date;
  @Column({ type: 'int' }) payableFen!: number;
  @Column({ type: 'int' }) refundedFen!: number;
  /** A group-buy seat or an order that used a coupon. */
  @Column({ type: 'boolean' }) promo!: boolean;
}

/** HQ's manual tags; (member, tag) unique. */
@Entity('member_manual_tag')
@Index('uq_member_manual_tag', ['memberId', 'tag'], { unique: true })
@Index('idx_member_manual_tag_tag', ['tag', 'memberId'])
export class MemberManualTag {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 24 }) tag!: string;
  @Column({ type: 'varchar', length: 32 }) createdBy!: string;
  @DateTimeColumn() createdAt!: Date;
}

/** One row (id 1): HQ's thresholds, the nightly medians and 高净值 cut, and when everyone was last scored. */
@Entity('insight_setting')
export class InsightSetting {
  @PrimaryColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'int', nullable: true }) hqRecencyDays!: number | null;
  @Column({ type: 'int', nullable: true }) hqFrequency!: number | null;
  @Column({ type: 'int', nullable: true }) hqMonetaryFen!: number | null;
  @Column({ type: 'int', nullable: true }) medRecencyDays!: number | null;
  @Column({ type: 'int', nullable: true }) medFrequency!: number | null;
  @Column({ type: 'int', nullable: true }) medMonetaryFen!: number | null;
  @Column({ type: 'int', nullable: true }) highValueFen!: number | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) scoredDay!: string | null;
  /** HQ changed the thresholds: the job re-scores everyone on its next pass. */
  @Column({ type: 'boolean' }) rescoreRequested!: boolean;
  @DateTimeColumn() updatedAt!: Date;
}

/** A coupon pushed to a segment or tag; batch_key unique names it (the grants' batch key). */
@Entity('segment_push')
@Index('uq_segment_push_batch', ['batchKey'], { unique: true })
@Index('idx_segment_push_created', ['createdAt'])
export class SegmentPush {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 32 }) batchKey!: string;
  @Column({ type: 'integer' }) templateId!: number;
  @Column({ type: 'varchar', length: 10 }) targetKind!: 'segment' | 'tag';
  @Column({ type: 'varchar', length: 20 }) target!: string;
  @Column({ type: 'varchar', length: 10 }) status!: 'running' | 'done';
  /** Members in the target when the push was made. */
  @Column({ type: 'int' }) members!: number;
  /** Granting goes up by member id; the last one done (a re-run resumes after it). */
  @Column({ type: 'int' }) cursorMemberId!: number;
  @Column({ type: 'varchar', length: 32 }) createdBy!: string;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) finishedAt!: Date | null;
}

export const INSIGHT_ENTITIES = [MemberVisitDay, MemberInsight, InsightOrder, MemberManualTag, InsightSetting, SegmentPush];
