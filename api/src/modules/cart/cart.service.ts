/**
 * The server-side cart, one per shopper. Every write runs in Transactor.run and names the
 * shopper in its WHERE clause, so another shopper's line is simply "not found" (404).
 * Catalogue tables are read here, never written.
 */
import { In, type DataSource, type EntityManager } from 'typeorm';
import { buyProblem } from '@common/catalogue/buyable';
import type { CartDto } from '@common/cart/types';
import { MAX_LINE_QUANTITY } from '@common/order/pricing';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { loadSkusWithProducts } from '../catalogue';
import { CartItem } from './cart.entities';
import { loadCart } from './cart.view';

/** Most distinct SKUs one cart holds; beyond it the shopper gets CART_FULL. */
export const MAX_CART_LINES = 100;

const overLimit = (q: number) =>
  new AppError('QUANTITY_OVER_LIMIT', `quantity ${q} > ${MAX_LINE_QUANTITY}`, [
    { field: 'quantity', message: `单件商品最多购买 ${MAX_LINE_QUANTITY} 件` },
  ]);

export class CartService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  view(memberId: number): Promise<CartDto> {
    return loadCart(this.ds.manager, memberId);
  }

  /**
   * Adds `quantity` of a SKU, on top of what the cart already holds. Race-safe without
   * read-then-write: an upsert makes sure the (member, sku) row exists and locks it, then a
   * conditional increment adds the quantity only if the result stays within stock and the line
   * limit. Ten parallel adds of one unit end as one line of ten.
   */
  async add(memberId: number, skuId: number, quantity: number): Promise<CartDto> {
    if (quantity > MAX_LINE_QUANTITY) throw overLimit(quantity);
    await this.tx.run(async (m) => {
      const { skus, products } = await loadSkusWithProducts(m, [skuId]);
      const sku = skus.get(skuId) ?? null;
      const product = sku ? (products.get(sku.productId) ?? null) : null;
      // The catalogue's rule: a draft product's SKU is as unknown as a missing one. Stock is left
      // to the conditional increment below, which judges it atomically with this shopper's line.
      const problem = buyProblem(product, sku, quantity);
      if (!sku || problem === 'not_found') throw new AppError('SKU_NOT_FOUND', `sku ${skuId}`);
      if (problem === 'off_sale') throw new AppError('SKU_OFF_SALE', `sku ${skuId}`);

      const existing = await m.findOneBy(CartItem, { memberId, skuId });
      if (!existing && (await m.countBy(CartItem, { memberId })) >= MAX_CART_LINES) throw new AppError('CART_FULL');

      const now = this.now();
      // Upsert a zero-quantity row (or just touch the existing one). Why: on MySQL the
      // duplicate-key path takes an exclusive lock on the row, so concurrent adds queue on it
      // instead of deadlocking the way "insert, catch duplicate, update" does under shared locks.
      await m
        .createQueryBuilder()
        .insert()
        .into(CartItem)
        .values({ memberId, skuId, quantity: 0, selected: true, createdAt: now, updatedAt: now })
        .orUpdate(['updated_at'], ['member_id', 'sku_id'])
        .execute();
      // Conditional increment: the WHERE keeps the line within stock and the per-line limit,
      // atomically; no affected row means the addition would overshoot (and the whole
      // transaction, including a freshly inserted zero row, rolls back).
      const cap = Math.min(MAX_LINE_QUANTITY, sku.stock);
      const res = await m
        .createQueryBuilder()
        .update(CartItem)
        .set({ quantity: () => 'quantity + :q', selected: true, updatedAt: now })
        .where('member_id = :memberId AND sku_id = :skuId AND quantity + :q <= :cap', { memberId, skuId, q: quantity, cap })
        .execute();
      if (!res.affected) {
        // Which limit was hit, asked of the latest committed row: on MySQL a plain SELECT here
        // would read this transaction's snapshot, which may predate a concurrent add's line.
        // The transaction rolls back, so this probe writes nothing.
        const probe = await m
          .createQueryBuilder()
          .update(CartItem)
          .set({ updatedAt: now })
          .where('member_id = :memberId AND sku_id = :skuId AND quantity + :q > :max', { memberId, skuId, q: quantity, max: MAX_LINE_QUANTITY })
          .execute();
        if (probe.affected) throw overLimit(quantity);
        throw new AppError('OUT_OF_STOCK', `sku ${skuId}: +${quantity} > stock ${sku.stock}`);
      }
    });
    return this.view(memberId);
  }

  /** Changes a line's quantity and/or selection. Lowering a quantity is always allowed. */
  async update(memberId: number, itemId: number, patch: { quantity?: number; selected?: boolean }): Promise<CartDto> {
    if (patch.quantity !== undefined && patch.quantity > MAX_LINE_QUANTITY) throw overLimit(patch.quantity);
    await this.tx.run(async (m) => {
      const item = await m.findOneBy(CartItem, { id: itemId, memberId });
      if (!item) throw new AppError('CART_ITEM_NOT_FOUND', `cart item ${itemId}`);
      if (patch.quantity !== undefined && patch.quantity > item.quantity) {
        const sku = (await loadSkusWithProducts(m, [item.skuId])).skus.get(item.skuId);
        if (!sku || patch.quantity > sku.stock) throw new AppError('OUT_OF_STOCK', `sku ${item.skuId}`);
      }
      // Owner in the WHERE: a line that is not this shopper's (or is gone) matches nothing.
      const res = await m.update(CartItem, { id: itemId, memberId }, { ...patch, updatedAt: this.now() });
      if (!res.affected) throw new AppError('CART_ITEM_NOT_FOUND', `cart item ${itemId}`);
    });
    return this.view(memberId);
  }

  async remove(memberId: number, itemId: number): Promise<CartDto> {
    await this.tx.run(async (m) => {
      const res = await m.delete(CartItem, { id: itemId, memberId });
      if (!res.affected) throw new AppError('CART_ITEM_NOT_FOUND', `cart item ${itemId}`);
    });
    return this.view(memberId);
  }

  async selectAll(memberId: number, selected: boolean): Promise<CartDto> {
    await this.tx.run((m) => m.update(CartItem, { memberId }, { selected, updatedAt: this.now() }));
    return this.view(memberId);
  }

  /** Drops the given SKUs from a shopper's cart, inside the caller's (order-creating) transaction. */
  async removeSkus(m: EntityManager, memberId: number, skuIds: number[]): Promise<void> {
    if (skuIds.length === 0) return;
    await m.delete(CartItem, { memberId, skuId: In([...new Set(skuIds)]) });
  }
}
