import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberCouponStatus } from '@common/coupon/state';
import type { CouponAudience, CouponKind, CouponScope, CouponValidity, GrantSource } from '@common/coupon/types';
import { DateTimeColumn, FenColumn, JsonColumn } from '../../db/columns';

/** An HQ coupon template. `issuedCount` moves only by `issued_count + 1 WHERE issued_count < total_quota`. */
@Entity('coupon_template')
export class CouponTemplate {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: CouponKind;
  @FenColumn() amountOffFen!: number;
  @FenColumn() thresholdFen!: number;
  @Column({ type: 'int' }) percentOff!: number;
  @FenColumn() maxOffFen!: number;
  @JsonColumn() scope!: CouponScope;
  @JsonColumn() validity!: CouponValidity;
  @JsonColumn() audience!: CouponAudience;
  @Column({ type: 'boolean' }) firstOrderOnly!: boolean;
  @Column({ type: 'int' }) totalQuota!: number;
  @Column({ type: 'int' }) issuedCount!: number;
  @Column({ type: 'int' }) perMemberLimit!: number;
  @Column({ type: 'boolean' }) claimable!: boolean;
  @Column({ type: 'boolean' }) active!: boolean;
  /** The member's copies may also be redeemed at a store's counter by their store code. */
  @Column({ type: 'boolean', default: false }) usableInStore!: boolean;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** How many copies of a template a member holds; `held + 1 WHERE held < limit` enforces the per-member limit. */
@Entity('coupon_holding')
@Index('uq_coupon_holding', ['templateId', 'memberId'], { unique: true })
export class CouponHolding {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) templateId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'int' }) held!: number;
}

/**
 * A member's copy of a coupon. (template, member, source, sourceRef) is unique: the idempotency
 * key of a grant (a retried push or gift cannot hand out a second copy).
 */
@Entity('member_coupon')
@Index('uq_member_coupon_grant', ['templateId', 'memberId', 'source', 'sourceRef'], { unique: true })
@Index('idx_member_coupon_member', ['memberId', 'status'])
@Index('idx_member_coupon_expiry', ['status', 'validTo'])
@Index('idx_member_coupon_order', ['orderId'])
@Index('idx_member_coupon_received', ['receivedAt'])
@Index('uq_member_coupon_store_code', ['storeCode'], { unique: true })
export class MemberCoupon {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) templateId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 16 }) source!: GrantSource;
  @Column({ type: 'varchar', length: 64 }) sourceRef!: string;
  @Column({ type: 'varchar', length: 16 }) status!: MemberCouponStatus;
  @DateTimeColumn() validFrom!: Date;
  @DateTimeColumn() validTo!: Date;
  @Column({ type: 'integer', nullable: true }) orderId!: number | null;
  @DateTimeColumn() receivedAt!: Date;
  @DateTimeColumn({ nullable: true }) usedAt!: Date | null;
  @DateTimeColumn() updatedAt!: Date;
  /** 12 random digits a cashier scans; unique (NULL for copies that never showed one). */
  @Column({ type: 'varchar', length: 12, nullable: true }) storeCode!: string | null;
  /** Set with the redeem transition: which store, and its receipt number if the counter gave one. */
  @Column({ type: 'integer', nullable: true }) redeemedStoreId!: number | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) receiptNo!: string | null;
}

/** HQ's new-member pack (one row, id 1): the coupons and points every new member receives once. */
@Entity('new_member_pack')
export class NewMemberPack {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @JsonColumn() templateIds!: number[];
  @Column({ type: 'int' }) points!: number;
  @Column({ type: 'boolean' }) active!: boolean;
  @DateTimeColumn() updatedAt!: Date;
}

/** One row per member who received the pack: member_id unique is the "exactly once" key. */
@Entity('new_member_gift')
@Index('uq_new_member_gift_member', ['memberId'], { unique: true })
export class NewMemberGift {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  /** What was granted (coupon ids and points), for the popup. */
  @JsonColumn() memberCouponIds!: number[];
  @Column({ type: 'int' }) points!: number;
  @DateTimeColumn() grantedAt!: Date;
  /** Set by compare-and-set (`WHERE popup_shown_at IS NULL`) when the popup was shown. */
  @DateTimeColumn({ nullable: true }) popupShownAt!: Date | null;
}
