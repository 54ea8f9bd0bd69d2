import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../db/columns';

/** Who runs a scheduled job until when: two API instances never run one job at once. */
@Entity('job_lease')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64 }) name!: string;
  @Column({ type: 'varchar', length: 64 }) holder!: string;
  @DateTimeColumn() leaseUntil!: Date;
}
