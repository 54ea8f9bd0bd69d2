/** The POS integration's tables (migration 1796400000000-pos): keys, nonces, offline sales, returns, scans, settings. */
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AttributionRule } from '@common/pos/rules';
import { DateTimeColumn } from '../../db/columns';

@Entity('pos_api_key')
export class PosApiKey {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) storeId!: number;
  /** Public id sent in X-Loopmall-Key (`pk_` + 16 hex). */
  @Column({ type: 'varchar', length: 32, unique: true }) keyId!: string;
  @Column({ type: 'varchar', length: 40 }) label!: string;
  /** With POS_KEY_SECRET, derives the secret; the secret itself is never stored. */
  @Column({ type: 'varchar', length: 32 }) salt!: string;
  /** SHA-256 of the derived secret: tells a changed POS_KEY_SECRET apart from a wrong signature. */
  @Column({ name: 'secret_sha256', type: 'varchar', length: 64 }) secretSha256!: string;
  @Column({ type: 'integer', nullable: true }) createdBy!: number | null;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn({ nullable: true }) revokedAt!: Date | null;
  @DateTimeColumn({ nullable: true }) lastUsedAt!: Date | null;
}

@Entity('pos_nonce')
export class PosNonce {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) apiKeyId!: number;
  @Column({ type: 'varchar', length: 64 }) nonce!: string;
  @DateTimeColumn() createdAt!: Date;
}

@Entity('pos_sale')
export class PosSale {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) storeId!: number;
  @Column({ type: 'varchar', length: 64 }) receiptNo!: string;
  @Column({ name: 'body_sha256', type: 'varchar', length: 64 }) bodySha256!: string;
  @Column({ type: 'integer' }) apiKeyId!: number;
  @DateTimeColumn() soldAt!: Date;
  /** Beijing date of soldAt (YYYY-MM-DD): the reports' day. */
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ type: 'varchar', length: 16 }) paymentMethod!: string;
  @Column({ type: 'int' }) totalFen!: number;
  @Column({ type: 'int' }) discountFen!: number;
  @Column({ type: 'int' }) payableFen!: number;
  /** Σ returns; only ever raised by a conditional update (≤ payableFen). */
  @Column({ type: 'int' }) returnedFen!: number;
  @Column({ name: 'lines_json', type: 'text' }) linesJson!: string;
  @Column({ type: 'int' }) lineCount!: number;
  @Column({ type: 'integer', nullable: true }) memberId!: number | null;
  @Column({ type: 'integer', nullable: true }) guideId!: number | null;
  @Column({ type: 'varchar', length: 16 }) attributionRule!: AttributionRule;
  /** JSON: what the rule decided from (the binding, the counter's guide). */
  @Column({ type: 'text', nullable: true }) attributionEvidence!: string | null;
  @Column({ type: 'int' }) pointsEarned!: number;
  @Column({ type: 'int' }) bonusPoints!: number;
  @DateTimeColumn() createdAt!: Date;
}

@Entity('pos_return')
export class PosReturn {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) storeId!: number;
  @Column({ type: 'integer' }) saleId!: number;
  @Column({ type: 'varchar', length: 64 }) returnNo!: string;
  @Column({ name: 'body_sha256', type: 'varchar', length: 64 }) bodySha256!: string;
  @Column({ type: 'int' }) amountFen!: number;
  @Column({ type: 'int' }) pointsTakenBack!: number;
  @DateTimeColumn() returnedAt!: Date;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @DateTimeColumn() createdAt!: Date;
}

/**
 * Guide commission on offline sales (when HQ turns it on): accrued with the sale — released at
 * once, the goods have left the counter — and reversed in proportion by returns. The unique
 * entry key (`sale:<id>`, `return:<id>`) makes each count once.
 */
@Entity('pos_commission')
export class PosCommission {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) saleId!: number;
  @Column({ type: 'integer', nullable: true }) returnId!: number | null;
  @Column({ type: 'integer' }) guideId!: number;
  @Column({ type: 'varchar', length: 64, unique: true }) entryKey!: string;
  @Column({ type: 'varchar', length: 10 }) kind!: 'accrued' | 'reversed';
  @Column({ type: 'int' }) amountFen!: number;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @DateTimeColumn() createdAt!: Date;
}

/** A member code scanned at a counter (the 双倍积分 offer asks whether an add followed one). */
@Entity('pos_scan')
export class PosScan {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) storeId!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @DateTimeColumn() scannedAt!: Date;
}

@Entity('pos_setting')
export class PosSetting {
  @PrimaryColumn({ type: 'varchar', length: 32 }) name!: string;
  @Column({ type: 'text' }) value!: string;
  @Column({ type: 'integer', nullable: true }) updatedBy!: number | null;
  @DateTimeColumn() updatedAt!: Date;
}

export const POS_ENTITIES = [PosApiKey, PosNonce, PosSale, PosReturn, PosCommission, PosScan, PosSetting];
