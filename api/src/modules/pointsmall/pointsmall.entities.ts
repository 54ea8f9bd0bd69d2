import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MallItemKind, RedemptionStatus } from '@common/pointsmall/types';
import { DateTimeColumn, FenColumn } from '../../db/columns';

/**
 * A points-mall item: goods (a catalogue SKU, ordered as a points_redemption order) or a coupon
 * (granted at once). `stock` moves only by `stock - 1 WHERE stock >= 1` (and back on a return).
 */
@Entity('mall_item')
export class MallItem {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 40 }) title!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) image!: string | null;
  @Column({ type: 'varchar', length: 500 }) description!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: MallItemKind;
  @Column({ type: 'integer', nullable: true }) skuId!: number | null;
  @Column({ type: 'integer', nullable: true }) templateId!: number | null;
  @Column({ type: 'int' }) pointsPrice!: number;
  /** Cash on top of the points (points + cash items); 0 = wholly in points. */
  @FenColumn() cashFen!: number;
  @Column({ type: 'int' }) stock!: number;
  @Column({ type: 'int' }) redeemedCount!: number;
  @Column({ type: 'int' }) perMemberLimit!: number;
  @Column({ type: 'boolean' }) active!: boolean;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** Redemptions of an item by a member still counted against the limit: `redeemed + 1 WHERE redeemed < limit`. */
@Entity('mall_holding')
@Index('uq_mall_holding', ['itemId', 'memberId'], { unique: true })
export class MallHolding {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) itemId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'int' }) redeemed!: number;
}

/** One redemption (兑换记录). Its points debit is keyed `mall:<id>`; `active → returned` once, by compare-and-set. */
@Entity('mall_redemption')
@Index('idx_mall_redemption_member', ['memberId', 'id'])
@Index('uq_mall_redemption_order', ['orderId'], { unique: true })
export class MallRedemption {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) itemId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: MallItemKind;
  @Column({ type: 'varchar', length: 40 }) title!: string;
  @Column({ type: 'int' }) points!: number;
  @FenColumn() cashFen!: number;
  @Column({ type: 'integer', nullable: true }) orderId!: number | null;
  @Column({ type: 'integer', nullable: true }) memberCouponId!: number | null;
  @Column({ type: 'varchar', length: 16 }) status!: RedemptionStatus;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) returnedAt!: Date | null;
}
