/** Stores, guides, touches, bindings, WeCom contacts, order attribution and commission. */
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BindingSource, GuideStatus } from '@common/attribution/rules';
import { DateTimeColumn, FenColumn } from '../../db/columns';

@Entity('store')
export class Store {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 40 }) name!: string;
  @Column({ type: 'varchar', length: 20, unique: true }) code!: string;
  @Column({ type: 'varchar', length: 20 }) city!: string;
  /** Shown in the add-your-guide prompt to a shopper without a guide. */
  @Column({ type: 'integer', nullable: true }) defaultGuideId!: number | null;
  @DateTimeColumn() createdAt!: Date;
}

@Entity('guide')
export class Guide {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 20 }) name!: string;
  @Column({ type: 'varchar', length: 64, unique: true }) wecomUserId!: string;
  @Column({ type: 'integer' }) storeId!: number;
  @Column({ type: 'varchar', length: 10 }) status!: GuideStatus;
  @Column({ type: 'varchar', length: 255, nullable: true }) avatarUrl!: string | null;
  /** The shopper account the guide signs in with (linked by a one-time binding code). */
  @Column({ type: 'integer', nullable: true, unique: true }) memberId!: number | null;
  @Column({ type: 'varchar', length: 16, nullable: true, unique: true }) bindingCode!: string | null;
  @DateTimeColumn({ nullable: true }) bindingCodeExpiresAt!: Date | null;
  /** WeCom 「联系我」: scene 1 (mini-program button) config_id, scene 2 QR config and picture. */
  @Column({ type: 'varchar', length: 64, nullable: true }) contactConfigId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) qrConfigId!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) qrCodeUrl!: string | null;
  @DateTimeColumn({ nullable: true }) leftAt!: Date | null;
  @DateTimeColumn() createdAt!: Date;
}

/** A shopper opened a path carrying a valid guide token. One row per shopper, guide and hour. */
@Entity('guide_touch')
@Index('uq_guide_touch_hour', ['memberId', 'guideId', 'hourBucket'], { unique: true })
@Index('idx_guide_touch_member', ['memberId', 'createdAt'])
@Index('idx_guide_touch_chat', ['groupChatId', 'createdAt'])
export class GuideTouch {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'integer' }) guideId!: number;
  @Column({ type: 'varchar', length: 40 }) token!: string;
  @Column({ type: 'int', nullable: true }) scene!: number | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) groupChatId!: string | null;
  @Column({ type: 'varchar', length: 200 }) path!: string;
  @Column({ type: 'int' }) hourBucket!: number;
  @DateTimeColumn() createdAt!: Date;
}

/** A shopper's bound guide; `version` guards concurrent rebinding (compare-and-set). */
@Entity('guide_binding')
export class GuideBinding {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer', unique: true }) memberId!: number;
  @Column({ type: 'integer' }) guideId!: number;
  @Column({ type: 'varchar', length: 10 }) source!: BindingSource;
  @DateTimeColumn() boundAt!: Date;
  @Column({ type: 'int' }) version!: number;
}

/** Every change of a shopper's guide, with why (touch rule, WeCom add, HQ reassignment). */
@Entity('guide_binding_log')
@Index(['memberId'])
export class GuideBindingLog {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'integer', nullable: true }) fromGuideId!: number | null;
  @Column({ type: 'integer' }) toGuideId!: number;
  @Column({ type: 'varchar', length: 20 }) reason!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) actor!: string | null;
  @DateTimeColumn() createdAt!: Date;
}

/** A shopper tapped "add your guide" (the fallback link for a WeCom add without unionid). */
@Entity('guide_add_tap')
@Index(['guideId', 'createdAt'])
export class GuideAddTap {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'integer' }) guideId!: number;
  @DateTimeColumn() createdAt!: Date;
}

@Entity('wecom_contact')
@Index('uq_wecom_contact', ['guideId', 'externalUserId'], { unique: true })
export class WecomContact {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) guideId!: number;
  @Column({ type: 'varchar', length: 64 }) externalUserId!: string;
  @Column({ type: 'integer', nullable: true }) memberId!: number | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) state!: string | null;
  @Column({ type: 'varchar', length: 10 }) status!: 'added' | 'deleted';
  /** How the shopper was recognised: 'unionid', 'tap' or null (not recognised). */
  @Column({ type: 'varchar', length: 10, nullable: true }) linkedBy!: string | null;
  @Column({ type: 'boolean' }) afterFirstPurchase!: boolean;
  @DateTimeColumn() addedAt!: Date;
  @DateTimeColumn({ nullable: true }) deletedAt!: Date | null;
}

/** Each WeCom callback event once: the unique key makes a duplicate or a replay change nothing. */
@Entity('wecom_event')
export class WecomEvent {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 191, unique: true }) dedupKey!: string;
  @Column({ type: 'varchar', length: 40 }) changeType!: string;
  @Column({ type: 'text' }) payload!: string;
  @DateTimeColumn() createdAt!: Date;
}

/** The attribution snapshot of an order, written once at checkout and never updated. */
@Entity('order_attribution')
@Index('idx_order_attribution_chat', ['groupChatId', 'createdAt'])
export class OrderAttribution {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer', unique: true }) orderId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'integer', nullable: true }) guideId!: number | null;
  @Column({ type: 'integer', nullable: true }) boundGuideId!: number | null;
  @Column({ type: 'integer', nullable: true }) sharingGuideId!: number | null;
  @Column({ type: 'integer', nullable: true }) storeId!: number | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) groupChatId!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) tokenId!: string | null;
  @Column({ type: 'int', nullable: true }) scene!: number | null;
  @DateTimeColumn({ nullable: true }) touchAt!: Date | null;
  @Column({ type: 'int' }) ruleVersion!: number;
  @Column({ type: 'varchar', length: 20 }) reason!: string;
  @DateTimeColumn() createdAt!: Date;
}

/** The attribution rules in force: the row with the highest version (none: the defaults). */
@Entity('attribution_rule_set')
export class AttributionRuleSet {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'int', unique: true }) version!: number;
  @Column({ type: 'int' }) protectionDays!: number;
  @Column({ type: 'int' }) sharingWindowHours!: number;
  @Column({ type: 'int' }) tokenMaxAgeDays!: number;
  @Column({ type: 'varchar', length: 40 }) createdBy!: string;
  @DateTimeColumn() createdAt!: Date;
}

@Entity('commission_rate')
@Index('uq_commission_rate', ['scope', 'refId'], { unique: true })
export class CommissionRate {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 10 }) scope!: 'product' | 'category';
  @Column({ type: 'integer' }) refId!: number;
  @Column({ type: 'int' }) rateBp!: number;
}

/**
 * One order's commission. held + released + reversed = accrued at every moment: payment accrues
 * into held, completion moves held to released, a refund moves a prorated part to reversed.
 */
@Entity('commission_account')
@Index(['guideId'])
export class CommissionAccount {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer', unique: true }) orderId!: number;
  @Column({ type: 'integer' }) guideId!: number;
  @FenColumn() payableFen!: number;
  @FenColumn() accruedFen!: number;
  @FenColumn() heldFen!: number;
  @FenColumn() releasedFen!: number;
  @FenColumn() reversedFen!: number;
  @FenColumn() refundedSeenFen!: number;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** The commission ledger: one row per (order, event); the unique key is the idempotency key. */
@Entity('commission_entry')
@Index('uq_commission_entry', ['orderId', 'eventKey'], { unique: true })
@Index(['guideId', 'createdAt'])
export class CommissionEntry {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) orderId!: number;
  @Column({ type: 'integer' }) guideId!: number;
  @Column({ type: 'varchar', length: 64 }) eventKey!: string;
  /** held: accrued into held; released: held → released; reversed_held / reversed_released. */
  @Column({ type: 'varchar', length: 20 }) kind!: 'held' | 'released' | 'reversed_held' | 'reversed_released';
  @FenColumn() amountFen!: number;
  @DateTimeColumn() createdAt!: Date;
  /** order: an online order's commission; offline: a store sale's (orderId 0, receiptNo set). */
  @Column({ type: 'varchar', length: 10, default: 'order' }) source!: 'order' | 'offline';
  @Column({ type: 'varchar', length: 64, nullable: true }) receiptNo!: string | null;
}

/** The add-your-guide prompt was shown automatically (once per shopper). */
@Entity('guide_prompt')
export class GuidePrompt {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer', unique: true }) memberId!: number;
  @Column({ type: 'integer' }) orderId!: number;
  @DateTimeColumn() shownAt!: Date;
}

export const GUIDE_ENTITIES = [Store, Guide, GuideTouch, GuideBinding, GuideBindingLog, GuideAddTap, WecomContact, WecomEvent, OrderAttribution, AttributionRuleSet, CommissionRate, CommissionAccount, CommissionEntry, GuidePrompt];
