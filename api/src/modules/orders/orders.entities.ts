import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AddressSnapshot } from '@common/address/types';
import type { AppliedAdjustment } from '@common/order/pricing';
import type { OrderKind, OrderStatus } from '@common/order/state';
import { DateTimeColumn, FenColumn, JsonColumn } from '../../db/columns';

/** `order` is a reserved word in SQL; the table is shop_order. */
@Entity('shop_order')
@Index(['memberId', 'createdAt'])
@Index(['status', 'payDeadline'])
@Index('idx_order_paid_at', ['paidAt'])
@Index('idx_order_guide_created', ['guideId', 'createdAt'])
@Index(['memberId', 'idempotencyKey'], { unique: true })
export class ShopOrder {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  /** Shown to shoppers and sent to WeChat Pay as out_trade_no; see order-no.ts. Set in the creating transaction. */
  @Column({ type: 'varchar', length: 32, unique: true, nullable: true }) orderNo!: string | null;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 20 }) status!: OrderStatus;
  /** normal, group_seat or points_redemption: picks the order's transition table and hooks. */
  @Column({ type: 'varchar', length: 20, default: 'normal' }) kind!: OrderKind;
  @FenColumn() goodsFen!: number;
  @FenColumn() discountFen!: number;
  @FenColumn() freightFen!: number;
  @FenColumn() payableFen!: number;
  @FenColumn() refundedFen!: number;
  @Column({ type: 'int' }) itemCount!: number;
  /** What each adjustment really took, per line (pricing's report): refunds and commission use it. */
  @JsonColumn() adjustments!: AppliedAdjustment[];
  /** The delivery address at purchase; null for an order that never ships (到店自提). */
  @JsonColumn({ nullable: true }) address!: AddressSnapshot | null;
  /** The receiver's phone out of `address`, for HQ's phone filter (idx_order_phone_created). */
  @Column({ type: 'varchar', length: 20, nullable: true }) receiverPhone!: string | null;
  @Column({ type: 'varchar', length: 100 }) remark!: string;
  /** The guide the order is attributed to (set by a checkout contributor; null when none). */
  @Column({ type: 'integer', nullable: true }) guideId!: number | null;
  /**
   * Idempotency-Key of the creating request, unique per shopper: a retried POST finds the order
   * it already made instead of making a second. requestHash tells a retry from a different body.
   */
  @Column({ type: 'varchar', length: 64, nullable: true }) idempotencyKey!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestHash!: string | null;
  /** Unpaid orders are cancelled after this; null once paid. */
  @DateTimeColumn({ nullable: true }) payDeadline!: Date | null;
  @DateTimeColumn({ nullable: true }) paidAt!: Date | null;
  @DateTimeColumn({ nullable: true }) shippedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) completedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) cancelledAt!: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) cancelReason!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) carrier!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) trackingNo!: string | null;
  /** Set once, by the transaction that gave back what checkout reserved (see checkout/release.ts). */
  @DateTimeColumn({ nullable: true }) releasedAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** One SKU of an order, with title, spec and price as they were at purchase. */
@Entity('order_line')
@Index(['orderId'])
export class OrderLine {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) orderId!: number;
  @Column({ type: 'integer' }) skuId!: number;
  @Column({ type: 'integer' }) productId!: number;
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'varchar', length: 120 }) specLabel!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) image!: string | null;
  @FenColumn() unitPriceFen!: number;
  @Column({ type: 'int' }) quantity!: number;
  @FenColumn() subtotalFen!: number;
  @FenColumn() discountFen!: number;
  @FenColumn() payableFen!: number;
}

/** Every transition an order made, by whom and why: the audit trail of the state machine. */
@Entity('order_state_log')
@Index(['orderId'])
export class OrderStateLog {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) orderId!: number;
  @Column({ type: 'varchar', length: 20 }) fromStatus!: OrderStatus;
  @Column({ type: 'varchar', length: 20 }) toStatus!: OrderStatus;
  @Column({ type: 'varchar', length: 20 }) event!: string;
  /** 'shopper:12', 'hq:3', 'wechatpay', 'job:order-timeout'. */
  @Column({ type: 'varchar', length: 40 }) actor!: string;
  @Column({ type: 'varchar', length: 120 }) note!: string;
  @DateTimeColumn() createdAt!: Date;
}

