/**
 * 概览's own aggregate: quantity and payable per product per Beijing day, for the chain (id 0) and
 * per guide (a store's are its guides' summed, as 概览 always did), and the orders already counted
 * (the order id is the idempotency key of the OrderPaid handler and of the catch-up job).
 */
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ProductScope = 'chain' | 'guide';

@Entity('overview_product_daily')
export class OverviewProductDaily {
  // The primary key is the read order: one scope's days, then products (a range scan per scope).
  @PrimaryColumn({ type: 'varchar', length: 5 }) scopeKind!: ProductScope;
  @PrimaryColumn({ type: 'integer' }) scopeId!: number;
  /** Beijing `YYYY-MM-DD` of the orders' payment. */
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @PrimaryColumn({ type: 'integer' }) productId!: number;
  /** The title on the line that first counted the product that day. */
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'int' }) quantity!: number;
  /** Lines' payable in fen (refunds aside, as 概览's top products always were). */
  @Column({ type: 'int' }) payableFen!: number;
}

@Entity('overview_order')
@Index('idx_overview_order_day', ['day'])
export class OverviewOrder {
  @PrimaryColumn({ type: 'integer' }) orderId!: number;
  @Column({ type: 'varchar', length: 10 }) day!: string;
}

export const OVERVIEW_ENTITIES = [OverviewProductDaily, OverviewOrder];
