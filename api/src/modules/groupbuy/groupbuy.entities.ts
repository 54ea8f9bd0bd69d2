/**
 * Group-buy tables. Every counter here changes only by conditional UPDATE (affected rows
 * checked); the invariant kept is sold + held + left + returned = stockTotal per campaign.
 */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CampaignStatus, GroupStatus } from '@common/groupbuy/state';
import { DateTimeColumn, FenColumn } from '../../db/columns';

@Entity('gb_campaign')
@Index('idx_gb_campaign_status_end', ['status', 'endAt'])
export class GbCampaign {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'integer' }) skuId!: number;
  @Column({ type: 'integer' }) productId!: number;
  @FenColumn() groupPriceFen!: number;
  @Column({ type: 'int' }) groupSize!: number;
  /** Units given to the campaign (taken from the SKU when scheduled; edits add or remove). */
  @Column({ type: 'int' }) stockTotal!: number;
  /** Units nobody holds: what a new seat takes from. */
  @Column({ type: 'int' }) stockLeft!: number;
  /** Units in seats awaiting payment. */
  @Column({ type: 'int' }) unitsHeld!: number;
  /** Units in paid seats (waiting for the group, or succeeded). */
  @Column({ type: 'int' }) unitsSold!: number;
  /** Units given back to the SKU after the campaign ended. */
  @Column({ type: 'int' }) unitsReturned!: number;
  @DateTimeColumn() startAt!: Date;
  @DateTimeColumn() endAt!: Date;
  @Column({ type: 'int' }) groupHours!: number;
  @Column({ type: 'int' }) perShopperLimit!: number;
  @Column({ type: 'varchar', length: 16 }) status!: CampaignStatus;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

@Entity('gb_group')
@Index('idx_gb_group_campaign_status', ['campaignId', 'status', 'expiresAt'])
@Index('idx_gb_group_status_expires', ['status', 'expiresAt'])
export class GbGroup {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) campaignId!: number;
  @Column({ type: 'integer' }) leaderMemberId!: number;
  @Column({ type: 'int' }) size!: number;
  /** Live seats (awaiting payment or paid). */
  @Column({ type: 'int' }) seatsTaken!: number;
  @Column({ type: 'int' }) seatsPaid!: number;
  @Column({ type: 'varchar', length: 16 }) status!: GroupStatus;
  @DateTimeColumn() expiresAt!: Date;
  @DateTimeColumn({ nullable: true }) settledAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
}

export type SeatStatus = 'pending' | 'paid' | 'released';

@Entity('gb_seat')
@Index('uq_gb_seat_live_member', ['groupId', 'memberId', 'live'], { unique: true })
@Index('idx_gb_seat_member', ['memberId', 'createdAt'])
@Index('idx_gb_seat_campaign', ['campaignId', 'status'])
export class GbSeat {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) campaignId!: number;
  @Column({ type: 'integer' }) groupId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'integer', unique: true }) orderId!: number;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ type: 'boolean' }) leader!: boolean;
  @Column({ type: 'varchar', length: 16 }) status!: SeatStatus;
  /**
   * 1 while the seat is live, NULL once released: with the unique (group, member, live) index a
   * shopper holds at most one live seat per group, and may join again after an unpaid seat lapsed
   * (NULLs never collide in a unique index, on MariaDB or SQLite).
   */
  @Column({ type: 'int', nullable: true }) live!: number | null;
  /** The result notice claimed for this seat ('success' | 'failure'); set once, so sent at most once. */
  @Column({ type: 'varchar', length: 16, nullable: true }) notice!: string | null;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** Units a shopper holds in a campaign (live seats), bounded by the per-shopper limit by a conditional update. */
@Entity('gb_shopper')
@Index('uq_gb_shopper', ['campaignId', 'memberId'], { unique: true })
export class GbShopper {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) campaignId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'int' }) units!: number;
}
