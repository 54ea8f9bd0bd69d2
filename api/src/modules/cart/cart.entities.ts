import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../db/columns';

/** One SKU in one shopper's cart; the unique (member, sku) key makes "add" an upsert. */
@Entity('cart_item')
@Index(['memberId', 'skuId'], { unique: true })
export class CartItem {
  @PrimaryGeneratedColumn({ type: 'integer' }) id!: number;
  @Column({ type: 'integer' }) memberId!: number;
  @Column({ type: 'integer' }) skuId!: number;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ type: 'boolean' }) selected!: boolean;
  @DateTimeColumn() createdAt!: Date;
  @DateTimeColumn() updatedAt!: Date;
}
