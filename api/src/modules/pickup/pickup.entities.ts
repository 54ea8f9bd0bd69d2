import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { PickupState } from '@common/pickup/types';
import { DateTimeColumn } from '../../db/columns';

/** A store's pickup profile, keyed by the store id of the guides module (which owns stores). */
@Entity('pickup_store')
export class PickupStore {
  @PrimaryColumn({ type: 'integer' }) storeId!: number;
  @Column({ type: 'varchar', length: 120 }) address!: string;
  @Column({ type: 'varchar', length: 60 }) hours!: string;
  /** Micro-degrees (common/pickup/rules toMicro); null when HQ has not placed the store. */
  @Column({ type: 'int', nullable: true }) latE6!: number | null;
  @Column({ type: 'int', nullable: true }) lngE6!: number | null;
  @Column({ type: 'boolean' }) enabled!: boolean;
  @DateTimeColumn() updatedAt!: Date;
}

/**
 * One pickup order: where it is collected, its code, and its own state, moved only by the order's
 * transitions (pickup.hooks.ts), inside their compare-and-set transaction.
 */
@Entity('pickup_order')
@Index('uq_pickup_order_order', ['orderId'], { unique: true })
@Index('uq_pickup_order_open_code', ['openCode'], { unique: true })
@Index('idx_pickup_order_store_code', ['storeId', 'code'])
@Index('idx_pickup_order_store_state', ['storeId', 'state', 'createdAt'])
export class PickupOrder {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) orderId!: number;
  @Column({ type: 'integer' }) storeId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 8 }) code!: string;
  /** The code while the order is open; NULL once collected or closed (unique while open). */
  @Column({ type: 'varchar', length: 8, nullable: true }) openCode!: string | null;
  @Column({ type: 'varchar', length: 20 }) state!: PickupState;
  @DateTimeColumn({ nullable: true }) readyAt!: Date | null;
  @DateTimeColumn({ nullable: true }) collectedAt!: Date | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) collectedBy!: string | null;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}
