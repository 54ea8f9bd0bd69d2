import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../db/columns';

/** A domain event, written in the same transaction as the change it describes. */
@Entity('outbox_event')
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 40 }) type!: string;
  @Column({ type: 'varchar', length: 64 }) aggregateId!: string;
  @Column({ type: 'text' }) payload!: string;
  @DateTimeColumn() createdAt!: Date;
}

/**
 * One handler's delivery of one event. The unique (event, handler) key is the idempotency key:
 * a handler's effect is recorded once however often the processor retries or races.
 */
@Entity('outbox_delivery')
@Index(['eventId', 'handler'], { unique: true })
@Index(['status', 'nextAttemptAt'])
export class OutboxDelivery {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) eventId!: number;
  @Column({ type: 'varchar', length: 40 }) handler!: string;
  /** pending → done, or dead after too many failures (shown to HQ). */
  @Column({ type: 'varchar', length: 10 }) status!: 'pending' | 'done' | 'dead';
  @Column({ type: 'int' }) attempts!: number;
  @DateTimeColumn() nextAttemptAt!: Date;
  /** A processor holds the delivery until then; another may take it after. */
  @DateTimeColumn({ nullable: true }) lockedUntil!: Date | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) lastError!: string | null;
  @DateTimeColumn({ nullable: true }) doneAt!: Date | null;
}
