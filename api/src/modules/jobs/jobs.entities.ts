import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../db/columns';

/**
 * Who runs a scheduled job until when: two API instances never run one job at once. The row also
 * keeps the job's last run (written by the holder that ran it), for HQ's 任务 page.
 */
@Entity('job_lease')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 64 }) holder!: string;
  @DateTimeColumn() leaseUntil!: Date;
  @DateTimeColumn({ nullable: true }) lastStartedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) lastMs!: number | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) lastHolder!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) lastError!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) lastResult!: string | null;
}
