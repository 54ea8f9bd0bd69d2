import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../db/columns';

/** A member's phone number (开卡), encrypted; `phoneIndex` is the keyed hash lookups use. */
@Entity('member_phone')
export class MemberPhone {
  @PrimaryColumn({ type: 'integer', name: 'member_id' }) memberId!: number;
  @Column({ type: 'varchar', length: 16, name: 'key_id' }) keyId!: string;
  @Column({ type: 'varchar', length: 128 }) cipher!: string;
  @Column({ type: 'varchar', length: 64, name: 'phone_index' }) phoneIndex!: string;
  /** Stored masked form, so lists never decrypt. */
  @Column({ type: 'varchar', length: 20 }) masked!: string;
  @Column({ type: 'varchar', length: 8, name: 'country_code' }) countryCode!: string;
  @DateTimeColumn({ name: 'opened_at' }) openedAt!: Date;
  /** When WeChat last vouched for the number (a new number replaces the old one). */
  @DateTimeColumn({ name: 'verified_at' }) verifiedAt!: Date;
}
