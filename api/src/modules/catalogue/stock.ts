/**
 * SKU stock has one owner: this file. Checkout reserves, a cancel releases, HQ (and a campaign
 * taking its allocation) adjusts — all through these functions, inside the caller's transaction,
 * and always by a relative conditional UPDATE whose affected-row count is checked, never by
 * "read, compute, write" (which oversells under concurrency). No other module writes sku.stock.
 */
import type { EntityManager } from 'typeorm';
import { buyProblem, MAX_STOCK } from '@common/catalogue/buyable';
import { hydrate, persisted, plainWrite, selectList } from '../../db/plain-sql';
import { AppError } from '../../http/app-error';
import { Product, Sku, StockAdjustment } from './catalogue.entities';
import { observedAt, skuSoldOutOf } from './sku-sold-out';

export interface StockLine {
  skuId: number;
  quantity: number;
  /** The request field to name when this line is refused (`lines.2`). */
  field?: string;
}

const RESERVE =
  "UPDATE `sku` SET `stock` = `stock` - ?, `updated_at` = ? WHERE `id` = ? AND `stock` >= ? AND `status` = 'on_sale' " +
  "AND EXISTS (SELECT 1 FROM `product` p WHERE p.`id` = `sku`.`product_id` AND p.`status` = 'on_sale')";

/**
 * Takes each line's quantity off its SKU, or throws (rolling the caller's transaction back).
 * Ascending SKU id, so two orders sharing SKUs lock them in the same order (no deadlock).
 */
export async function reserveStock(m: EntityManager, lines: readonly StockLine[], now: Date): Promise<void> {
  for (const line of [...lines].sort((a, b) => a.skuId - b.skuId)) {
    const since = observedAt();
    // Conditional UPDATE: the WHERE re-checks stock and sale status at the moment of the write,
    // under the row lock, so concurrent orders can never sell more than there is. Plain SQL
    // (db/plain-sql.ts): it runs in every order, holding the hot SKU's row lock until commit.
    const taken = await plainWrite(m, RESERVE, [line.quantity, persisted(m, Sku, 'updatedAt', now), line.skuId, line.quantity]);
    if (taken !== 1) await explainRefusal(m, line, since);
  }
}

/**
 * Zero rows: say why, with the same rule the cart and the quote use. Always throws. A SKU found
 * empty is marked sold out, so the next orders for it are refused before any SQL.
 */
async function explainRefusal(m: EntityManager, line: StockLine, since: number): Promise<never> {
  const { skus, products } = await loadSkusWithProducts(m, [line.skuId]);
  const sku = skus.get(line.skuId) ?? null;
  const product = sku && (products.get(sku.productId) ?? null);
  const problem = buyProblem(product, sku, line.quantity) ?? 'insufficient_stock';
  // One unit refused by the UPDATE (a current read) means none was left then; the read above may
  // be an older snapshot (REPEATABLE READ), so it alone never marks, and it only tells "none left"
  // (out_of_stock: stock <= 0) from a SKU taken off sale.
  if (line.quantity === 1 && problem === 'out_of_stock') skuSoldOutOf(m)?.seenEmpty(line.skuId, since);
  const field = line.field ?? `sku.${line.skuId}`;
  if (problem === 'not_found') throw new AppError('SKU_NOT_FOUND', `sku ${line.skuId}`, [{ field: `${field}.skuId`, message: '不存在' }]);
  if (problem === 'off_sale') throw new AppError('SKU_OFF_SALE', `sku ${line.skuId}`, [{ field: `${field}.skuId`, message: '已下架' }]);
  throw new AppError('OUT_OF_STOCK', `sku ${line.skuId}`, [{ field: `${field}.quantity`, message: '库存不足' }]);
}

/**
 * Gives reserved units back (cancel, timeout). Relative (never "set stock to x"), so orders and
 * HQ adjustments at the same moment all keep their effect; and it cannot be refused: reserved
 * units always fit (stock is capped at MAX_STOCK far below the INT limit, and a release adds
 * back at most what was taken). A SKU row is never deleted, so there is always a row to return to.
 */
export async function releaseStock(m: EntityManager, lines: readonly StockLine[], now: Date): Promise<void> {
  for (const line of [...lines].sort((a, b) => a.skuId - b.skuId)) {
    await m.createQueryBuilder().update(Sku).set({ stock: () => 'stock + :q', updatedAt: now }).where('id = :id', { id: line.skuId, q: line.quantity }).execute();
    skuSoldOutOf(m)?.returned(m, line.skuId);
  }
}

export interface StockAdjustmentInput {
  skuId: number;
  /** Change, negative to remove. HQ sends a change, never an absolute value. */
  delta: number;
  reason: string;
  /** The HQ admin, or null for a system actor (a campaign taking or returning its allocation). */
  adminId: number | null;
}

/**
 * Adds `delta` to a SKU's stock with an audit row, or throws: STOCK_WOULD_GO_NEGATIVE below
 * zero, STOCK_OVER_LIMIT above MAX_STOCK (a removal is always allowed, even from a SKU that
 * releases pushed past the cap), SKU_NOT_FOUND.
 */
export async function adjustStock(m: EntityManager, input: StockAdjustmentInput, now: Date): Promise<Sku> {
  const { skuId, delta } = input;
  // Conditional update: the WHERE keeps stock within [0, MAX_STOCK] atomically, whatever orders
  // are doing at the same moment. Affected rows tell whether it applied.
  const res = await m
    .createQueryBuilder()
    .update(Sku)
    .set({ stock: () => 'stock + :delta', updatedAt: now })
    .where('id = :id AND stock + :delta >= 0 AND (:delta <= 0 OR stock + :delta <= :max)', { id: skuId, delta, max: MAX_STOCK })
    .execute();
  if (res.affected !== 1) {
    const sku = await m.findOneBy(Sku, { id: skuId });
    if (!sku) throw new AppError('SKU_NOT_FOUND', `sku ${skuId}`);
    if (delta < 0) throw new AppError('STOCK_WOULD_GO_NEGATIVE', `sku ${skuId} delta ${delta}`, [{ field: 'delta', message: `当前库存 ${sku.stock} 件` }]);
    throw new AppError('STOCK_OVER_LIMIT', `sku ${skuId} delta ${delta}`, [{ field: 'delta', message: `库存最多 ${MAX_STOCK} 件，当前 ${sku.stock} 件` }]);
  }
  // Units came back (HQ, or a campaign returning its allocation): no longer sold out.
  if (delta > 0) skuSoldOutOf(m)?.returned(m, skuId);
  const after = await m.findOneByOrFail(Sku, { id: skuId });
  await m.insert(StockAdjustment, { skuId, delta, stockAfter: after.stock, reason: input.reason, adminId: input.adminId, createdAt: now });
  return after;
}

/** The SKUs and their products for `skuIds`, for readers that judge buyability (quote, cart): one query. */
export async function loadSkusWithProducts(m: EntityManager, skuIds: readonly number[]): Promise<{ skus: Map<number, Sku>; products: Map<number, Product> }> {
  const skus = new Map<number, Sku>();
  const products = new Map<number, Product>();
  if (!skuIds.length) return { skus, products };
  // The product comes along on each SKU row, instead of a second round trip. Plain SQL with a
  // column list made once (db/plain-sql.ts): every quote, cart view and order starts here.
  const q = (name: string) => m.connection.driver.escape(name);
  const rows = (await m.query(
    `SELECT ${selectList(m, Sku, 's')}, ${selectList(m, Product, 'p')} FROM ${q('sku')} ${q('s')} LEFT JOIN ${q('product')} ${q('p')} ON ${q('p')}.${q('id')} = ${q('s')}.${q('product_id')} WHERE ${q('s')}.${q('id')} IN (${skuIds.map(() => '?').join(', ')})`,
    [...skuIds],
  )) as Record<string, unknown>[];
  for (const row of rows) {
    const sku = hydrate(m, Sku, row, 's')!;
    const product = hydrate(m, Product, row, 'p');
    if (product) products.set(product.id, product);
    skus.set(sku.id, sku);
  }
  return { skus, products };
}
