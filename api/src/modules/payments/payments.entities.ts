import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderStatus } from '@common/order/state';
import type { RefundStatus } from '@common/order/types';
import { DateTimeColumn, FenColumn } from '../../db/columns';

/**
 * The WeChat Pay side of an order: one row per order. out_trade_no is the order number; the
 * transaction id WeChat reports is unique, so a payment can attach to one order only once.
 */
@Entity('payment')
export class Payment {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer', unique: true }) orderId!: number;
  @Column({ type: 'varchar', length: 32, unique: true }) outTradeNo!: string;
  /** wechat: WeChat Pay; dev: the development pay sheet; zero: nothing to pay (points or coupons covered it). */
  @Column({ type: 'varchar', length: 8 }) mode!: 'wechat' | 'dev' | 'zero';
  @FenColumn() amountFen!: number;
  @Column({ type: 'varchar', length: 64, nullable: true }) prepayId!: string | null;
  /** WeChat keeps a prepay_id for 2 hours; past this we ask for a new one. */
  @DateTimeColumn({ nullable: true }) prepayExpiresAt!: Date | null;
  @Column({ type: 'varchar', length: 64, unique: true, nullable: true }) transactionId!: string | null;
  @DateTimeColumn({ nullable: true }) paidAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** A refund of (part of) an order. refundNo is WeChat's out_refund_no, reused on every retry. */
@Entity('refund')
@Index(['orderId'])
@Index('idx_refund_created', ['createdAt'])
export class Refund {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 64, unique: true }) refundNo!: string;
  @Column({ type: 'integer' }) orderId!: number;
  @FenColumn() amountFen!: number;
  @Column({ type: 'varchar', length: 80 }) reason!: string;
  @Column({ type: 'varchar', length: 16 }) status!: RefundStatus;
  /** Where the order goes back to when this refund ends without emptying it. */
  @Column({ type: 'varchar', length: 20 }) returnStatus!: OrderStatus;
  /** 'shopper:12' or 'hq:3'. */
  @Column({ type: 'varchar', length: 40 }) requestedBy!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) wxRefundId!: string | null;
  /**
   * When a successful refund gave back what checkout reserved (set once, by a conditional
   * `WHERE released_at IS NULL`: the exactly-once guard of that release). Null until then.
   */
  @DateTimeColumn({ nullable: true }) releasedAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** One row per refund transition (refund-transitions.ts); fromStatus null for the row that opened it. */
@Entity('refund_state_log')
@Index(['refundId'])
export class RefundStateLog {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) refundId!: number;
  @Column({ type: 'varchar', length: 16, nullable: true }) fromStatus!: RefundStatus | null;
  @Column({ type: 'varchar', length: 16 }) toStatus!: RefundStatus;
  /** A RefundEvent, or 'open' for the first row. */
  @Column({ type: 'varchar', length: 16 }) event!: string;
  /** 'shopper:12', 'hq:3', 'wechatpay'. */
  @Column({ type: 'varchar', length: 40 }) actor!: string;
  @Column({ type: 'varchar', length: 120 }) note!: string;
  @DateTimeColumn() createdAt!: Date;
}
