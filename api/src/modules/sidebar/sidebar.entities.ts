/** The guide's WeCom sidebar: customer groups synced from WeCom, their members, sends, and guides' notes. */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ChatKind, GroupKind, SendOutcome, SendTargetKind } from '@common/sidebar/types';
import { DateTimeColumn } from '../../db/columns';

/** A customer group (客户群) as WeCom last described it, with HQ's kind tag. */
@Entity('wecom_group')
@Index('idx_wecom_group_owner', ['ownerUserId'])
@Index('idx_wecom_group_listed', ['dismissed', 'id'])
export class WecomGroup {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 64, unique: true }) chatId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 64 }) ownerUserId!: string;
  /** HQ's tag (快闪群 / 会员群 / VIP群); never written by the sync. */
  @Column({ type: 'varchar', length: 10, nullable: true }) kind!: GroupKind | null;
  /** WeCom's status: 0 normal, 1-3 the owner's handover. */
  @Column({ type: 'int' }) status!: number;
  @Column({ type: 'int' }) memberCount!: number;
  /** WeCom no longer lists it. */
  @Column({ type: 'boolean' }) dismissed!: boolean;
  @DateTimeColumn({ nullable: true }) wecomCreatedAt!: Date | null;
  @DateTimeColumn() syncedAt!: Date;
  @DateTimeColumn() createdAt!: Date;
}

/** One member of a synced group (type 1 a corp member, 2 an external contact). */
@Entity('wecom_group_member')
@Index('uq_wecom_group_member', ['chatId', 'userid'], { unique: true })
@Index('idx_wecom_group_member_unionid', ['unionid'])
export class WecomGroupMember {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 64 }) chatId!: string;
  @Column({ type: 'varchar', length: 64 }) userid!: string;
  @Column({ type: 'int' }) type!: number;
  @Column({ type: 'varchar', length: 64, nullable: true }) unionid!: string | null;
  @DateTimeColumn({ nullable: true }) joinedAt!: Date | null;
}

/** A card a guide sent from the sidebar (written before the client sends it; the outcome follows). */
@Entity('sidebar_send')
@Index('idx_sidebar_send_chat', ['chatId', 'createdAt'])
@Index('idx_sidebar_send_guide', ['guideId', 'createdAt'])
export class SidebarSend {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) guideId!: number;
  @Column({ type: 'varchar', length: 10 }) chatKind!: ChatKind;
  @Column({ type: 'varchar', length: 64 }) chatId!: string;
  @Column({ type: 'varchar', length: 10 }) targetKind!: SendTargetKind;
  @Column({ type: 'integer', nullable: true }) targetId!: number | null;
  @Column({ type: 'varchar', length: 255 }) page!: string;
  @Column({ type: 'varchar', length: 10 }) outcome!: SendOutcome;
  @Column({ type: 'varchar', length: 200, nullable: true }) errMsg!: string | null;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) settledAt!: Date | null;
}

/** A note a guide keeps about a customer; only that guide sees it. */
@Entity('guide_note')
@Index('idx_guide_note_member', ['guideId', 'memberId', 'createdAt'])
export class GuideNote {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) guideId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar', length: 500 }) text!: string;
  @DateTimeColumn() createdAt!: Date;
}

export const SIDEBAR_ENTITIES = [WecomGroup, WecomGroupMember, SidebarSend, GuideNote];
