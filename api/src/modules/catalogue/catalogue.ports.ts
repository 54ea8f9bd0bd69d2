/** Read ports of the catalogue's tables for other modules (they never query product or sku themselves). */
import { In, type EntityManager } from 'typeorm';
import { Product, type Sku } from './catalogue.entities';

export interface ProductFacts {
  id: number;
  categoryId: number;
  status: 'draft' | 'on_sale' | 'off_sale';
}

/** The products of `ids` that exist: category and sale status, through the caller's manager. */
export async function productFacts(m: EntityManager, ids: readonly number[]): Promise<ProductFacts[]> {
  if (!ids.length) return [];
  return m.find(Product, { where: { id: In([...new Set(ids)]) }, select: { id: true, categoryId: true, status: true } });
}

/** A SKU and a product as other modules read them (plain rows; stock changes only through stock.ts). */
export type SkuSnapshot = { [K in keyof Sku]: Sku[K] };
export type ProductSnapshot = { [K in keyof Product]: Product[K] };
