/** Member profile (birthday, growth, tier), growth entries, the tier log and HQ settings. */
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { TierCode } from '@common/membership/settings';
import { DateTimeColumn } from '../../db/columns';

@Entity('member_profile')
export class MemberProfile {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer', unique: true }) memberId!: number;
  /** `YYYY-MM-DD`; set once by the shopper (conditional `WHERE birthday IS NULL`). */
  @Column({ type: 'varchar', length: 10, nullable: true }) birthday!: string | null;
  /** Growth value = Σ member_growth_entry.delta (¥ kept). */
  @Column({ type: 'int' }) growth!: number;
  @Column({ type: 'varchar', length: 16 }) tier!: TierCode;
  @DateTimeColumn() tierSince!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** Each growth change, keyed by its source (`order:12:growth`, `refund:R1:growth`) so it counts once. */
@Entity('member_growth_entry')
@Index(['memberId'])
export class MemberGrowthEntry {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ name: 'entry_key', type: 'varchar', length: 96, unique: true }) key!: string;
  @Column({ type: 'int' }) delta!: number;
  @DateTimeColumn() createdAt!: Date;
}

@Entity('member_tier_log')
@Index(['memberId'])
export class MemberTierLog {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 16 }) fromTier!: TierCode;
  @Column({ type: 'varchar', length: 16 }) toTier!: TierCode;
  @Column({ type: 'int' }) growth!: number;
  /** `growth:<source key>` for an upgrade, `review:<YYYY-MM>` for the monthly review. */
  @Column({ type: 'varchar', length: 64 }) reason!: string;
  @DateTimeColumn() createdAt!: Date;
}

/** HQ settings, one JSON document per name (`membership`). */
@Entity('membership_setting')
export class MembershipSetting {
  @PrimaryColumn({ type: 'varchar', length: 32 }) name!: string;
  @Column({ type: 'text' }) value!: string;
  @Column({ type: 'integer', nullable: true }) updatedBy!: number | null;
  @DateTimeColumn() updatedAt!: Date;
}
