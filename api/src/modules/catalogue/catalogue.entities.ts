import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ProductStatus, SkuSpecs, SkuStatus, SpecDef } from '@common/catalogue/types';
import { DateTimeColumn, FenColumn, JsonColumn } from '../../db/columns';

@Entity('category')
export class Category {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 32, unique: true }) name!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) icon!: string | null;
  @Column({ type: 'int' }) sort!: number;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** Indexes: one per list sort within a category, and newest overall (migration 1795900000000). */
@Entity('product')
@Index(['status', 'categoryId', 'createdAt'])
@Index(['status', 'categoryId', 'minPriceFen'])
@Index(['status', 'categoryId', 'salesCount'])
@Index(['status', 'createdAt'])
export class Product {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) categoryId!: number;
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'varchar', length: 120 }) subtitle!: string;
  @JsonColumn() images!: string[];
  @Column({ type: 'text' }) description!: string;
  @JsonColumn() tags!: string[];
  @JsonColumn() specs!: SpecDef[];
  @Column({ type: 'varchar', length: 16 }) status!: ProductStatus;
  /** Denormalised from on-sale SKUs (recomputed in the same transaction) so lists sort by price in SQL. */
  @FenColumn() minPriceFen!: number;
  @FenColumn({ nullable: true }) minOriginalPriceFen!: number | null;
  @Column({ type: 'int' }) salesCount!: number;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

@Entity('sku')
@Index(['productId', 'specKey'], { unique: true })
export class Sku {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) productId!: number;
  /** specKey() of the specs: the unique index refuses a duplicate combination even under races. */
  @Column({ type: 'varchar', length: 255 }) specKey!: string;
  @JsonColumn() specs!: SkuSpecs;
  @FenColumn() priceFen!: number;
  @FenColumn({ nullable: true }) originalPriceFen!: number | null;
  @Column({ type: 'int' }) stock!: number;
  @Column({ type: 'varchar', length: 16 }) status!: SkuStatus;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}

/** Every HQ stock change, with who made it and what the stock became: the audit trail. */
@Entity('stock_adjustment')
export class StockAdjustment {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) skuId!: number;
  @Column({ type: 'int' }) delta!: number;
  @Column({ type: 'int' }) stockAfter!: number;
  @Column({ type: 'varchar', length: 64 }) reason!: string;
  @Column({ type: 'integer', nullable: true }) adminId!: number | null;
  @DateTimeColumn() createdAt!: Date;
}

@Entity('banner')
export class Banner {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'varchar', length: 60 }) title!: string;
  @Column({ type: 'varchar', length: 255 }) image!: string;
  @Column({ type: 'integer', nullable: true }) productId!: number | null;
  @Column({ type: 'int' }) sort!: number;
  @Column({ type: 'boolean' }) active!: boolean;
  @DateTimeColumn() createdAt!: Date;
}
