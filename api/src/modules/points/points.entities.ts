/**
 * The points ledger. Four tables, one owner (this module):
 * - points_account: one row per member with the running figures; changed only by conditional
 *   UPDATEs inside ledger.ts, and always equal to the sums over points_entry.
 * - points_entry: append-only; each row names its source by a unique idempotency key.
 * - points_lot: available points in lots with an expiry, spent oldest first.
 * - points_lot_use: which lots a debit took from, so a cancelled order's points go back there.
 */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../db/columns';

@Entity('points_account')
export class PointsAccount {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer', unique: true }) memberId!: number;
  /** Available points = Σ entry.balanceDelta = Σ unexpired lot.remaining. Never negative. */
  @Column({ type: 'int' }) balance!: number;
  /** Earned by orders not yet completed = Σ entry.pendingDelta. */
  @Column({ type: 'int' }) pending!: number;
  /** Points clawed back by refunds after they were spent = Σ entry.debtDelta; later earnings repay it first. */
  @Column({ type: 'int' }) debt!: number;
  @DateTimeColumn() updatedAt!: Date;
}

export type PointsEntryKind =
  | 'earn' // purchase points (pending first)
  | 'confirm' // pending → available when the order completes
  | 'void' // pending taken back (refund before completion)
  | 'signin'
  | 'referral'
  | 'grant' // HQ grant
  | 'deduct' // HQ deduction
  | 'spend' // checkout, points mall
  | 'return' // a spend given back (cancel, refund)
  | 'clawback' // points of a refunded amount taken back
  | 'expire';

@Entity('points_entry')
@Index(['memberId', 'id'])
@Index('idx_points_entry_created', ['createdAt'])
export class PointsEntry {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  /** Idempotency key naming the source (`order:12:earn`, `signin:7:2026-11-27`); unique. */
  @Column({ name: 'entry_key', type: 'varchar', length: 96, unique: true }) key!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: PointsEntryKind;
  /** The amount the source asked for (shown to the shopper); the deltas say where it went. */
  @Column({ type: 'int' }) points!: number;
  @Column({ type: 'int' }) balanceDelta!: number;
  @Column({ type: 'int' }) pendingDelta!: number;
  @Column({ type: 'int' }) debtDelta!: number;
  @Column({ type: 'varchar', length: 64 }) reason!: string;
  /** For confirm/void/return: the key of the entry this one settles. */
  @Column({ type: 'varchar', length: 96, nullable: true }) refKey!: string | null;
  /** HQ grants and deductions: the operator. */
  @Column({ type: 'integer', nullable: true }) operatorId!: number | null;
  @DateTimeColumn() createdAt!: Date;
}

@Entity('points_lot')
@Index(['memberId', 'expiresAt'])
@Index(['expiresAt'])
export class PointsLot {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  /** The entry that created the lot. */
  @Column({ type: 'integer' }) entryId!: number;
  @Column({ type: 'int' }) points!: number;
  /** Changed only by conditional UPDATEs (`remaining >= n` when spending). */
  @Column({ type: 'int' }) remaining!: number;
  /** Expired when now >= expiresAt. */
  @DateTimeColumn() expiresAt!: Date;
  /** Set (conditionally, once) when the 30-day expiry reminder went out for this lot. */
  @DateTimeColumn({ nullable: true }) remindedAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
}

@Entity('points_lot_use')
@Index(['entryId'])
export class PointsLotUse {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  /** The spending entry. */
  @Column({ type: 'integer' }) entryId!: number;
  @Column({ type: 'integer' }) lotId!: number;
  @Column({ type: 'int' }) points!: number;
  /** How much of this use has been given back (conditional `returned + n <= points`). */
  @Column({ type: 'int' }) returned!: number;
}

/** One daily sign-in; unique per member and Shanghai calendar day, so a second one is refused. */
@Entity('points_signin')
@Index(['memberId', 'day'], { unique: true })
export class PointsSignin {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ type: 'int' }) streak!: number;
  @Column({ type: 'int' }) points!: number;
  @DateTimeColumn() createdAt!: Date;
}

/** Who referred a member (recorded at registration from a member share token); one per member. */
@Entity('member_referral')
export class MemberReferral {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer', unique: true }) memberId!: number;
  @Column({ type: 'integer' }) referrerId!: number;
  @DateTimeColumn({ nullable: true }) rewardedAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
}
