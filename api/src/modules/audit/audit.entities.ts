import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HqRole } from '@common/auth/types';
import { DateTimeColumn } from '../../db/columns';

/**
 * One HQ write (操作日志). Append-only: the audit module only inserts (audit-append-only.unit.test.ts
 * scans for any update or delete); before/after are redacted JSON text.
 */
@Entity('audit_log')
@Index('idx_audit_at', ['at'])
@Index('idx_audit_admin_at', ['adminId', 'at'])
@Index('idx_audit_object', ['objectType', 'objectId', 'at'])
@Index('idx_audit_action_at', ['action', 'at'])
export class AuditLog {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @DateTimeColumn() at!: Date;
  @Column({ type: 'integer' }) adminId!: number;
  @Column({ type: 'varchar', length: 32 }) username!: string;
  @Column({ type: 'varchar', length: 16 }) role!: HqRole;
  @Column({ type: 'varchar', length: 120 }) action!: string;
  @Column({ type: 'varchar', length: 40 }) objectType!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) objectId!: string | null;
  @Column({ type: 'text', nullable: true }) beforeJson!: string | null;
  @Column({ type: 'text', nullable: true }) afterJson!: string | null;
  @Column({ type: 'varchar', length: 64 }) requestId!: string;
}
