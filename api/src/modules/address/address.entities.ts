import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../db/columns';

@Entity('address')
@Index(['memberId'])
@Index('idx_address_phone', ['phone'])
export class Address {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 20 }) name!: string;
  @Column({ type: 'varchar', length: 20 }) phone!: string;
  @Column({ type: 'varchar', length: 20 }) province!: string;
  @Column({ type: 'varchar', length: 20 }) city!: string;
  @Column({ type: 'varchar', length: 20 }) district!: string;
  @Column({ type: 'varchar', length: 120 }) detail!: string;
  @Column({ type: 'boolean' }) isDefault!: boolean;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}
