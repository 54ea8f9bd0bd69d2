import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HqRole } from '@common/auth/types';
import { DateTimeColumn } from '../../db/columns';

/** A shopper, keyed by the mini-program openid; unionid joins WeCom contacts later. */
@Entity('member')
@Index('idx_member_created', ['createdAt'])
export class Member {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 64, unique: true }) openid!: string;
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;
  @Index('idx_member_nickname')
  @Column({ type: 'varchar', length: 32 })
  nickname!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) avatarUrl!: string | null;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() lastLoginAt!: Date;
}

/** An HQ operator. Passwords are scrypt hashes; `active=false` revokes every token at once. */
@Entity('hq_admin')
export class HqAdmin {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 32, unique: true }) username!: string;
  @Column({ type: 'varchar', length: 255 }) passwordHash!: string;
  @Column({ type: 'varchar', length: 16 }) role!: HqRole;
  @Column({ type: 'boolean' }) active!: boolean;
  /** The store a 门店店长 is bound to; null for HQ-wide roles. */
  @Column({ type: 'integer', nullable: true }) storeId!: number | null;
  /** Set after repeated failed logins; the account refuses logins until then. */
  @DateTimeColumn({ nullable: true }) lockedUntil!: Date | null;
  @DateTimeColumn() createdAt!: Date;
}

/** One failed HQ login of a known account; counted in the database so a lockout holds across instances. */
@Entity('hq_login_failure')
@Index('idx_hq_login_failure_admin', ['adminId', 'at'])
export class HqLoginFailure {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) adminId!: number;
  @Column({ type: 'varchar', length: 64 }) ip!: string;
  @DateTimeColumn() at!: Date;
}
