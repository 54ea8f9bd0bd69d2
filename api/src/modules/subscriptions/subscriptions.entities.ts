import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SubscribeKind } from '@common/subscriptions/rules';
import { DateTimeColumn } from '../../db/columns';

/**
 * A member's one-time subscribe consents for one template: `available` grows by one per accept
 * (`available + 1 WHERE available < MAX_AVAILABLE`) and a send takes one
 * (`available - 1 WHERE available > 0`), affected rows checked.
 */
@Entity('subscribe_consent')
@Index('uq_subscribe_consent', ['memberId', 'templateId'], { unique: true })
export class SubscribeConsent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 64 }) templateId!: string;
  @Column({ type: 'int' }) available!: number;
  @DateTimeColumn() updatedAt!: Date;
}

export const SEND_STATUSES = ['claimed', 'sent', 'no_consent', 'refused', 'failed'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

/**
 * One row per (member, event key): the unique key is the "at most once per event" guarantee. It is
 * inserted before anything is sent; a redelivered event or a parallel job finds it and sends nothing.
 */
@Entity('subscribe_send')
@Index('uq_subscribe_send_event', ['memberId', 'eventKey'], { unique: true })
export class SubscribeSend {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 80 }) eventKey!: string;
  @Column({ type: 'varchar', length: 20 }) kind!: SubscribeKind;
  @Column({ type: 'varchar', length: 64 }) templateId!: string;
  @Column({ type: 'varchar', length: 12 }) status!: SendStatus;
  /** WeChat's errcode of a refused or failed send (43101, 40003, 47003 …). */
  @Column({ type: 'int', nullable: true }) errcode!: number | null;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) sentAt!: Date | null;
}
