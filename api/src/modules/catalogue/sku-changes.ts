/**
 * An edit's SKU matrix changes (PATCH /api/hq/products/:id `skus`), applied in the caller's
 * transaction row by row: a refusal names the row's field (`skus.2.priceFen`) and, thrown inside
 * Transactor.run, takes the product's fields and every earlier row back with it.
 */
import type { EntityManager } from 'typeorm';
import type { SkuSpecs, SkuStatus, SpecDef } from '@common/catalogue/types';
import { checkSkuSpecs, specKey, specLabel } from '@common/catalogue/sku';
import { AppError } from '../../http/app-error';
import { Sku } from './catalogue.entities';

export interface SkuChange {
  /** A saved SKU of this product; absent for a new combination. */
  id?: number;
  specs?: SkuSpecs;
  priceFen?: number;
  originalPriceFen?: number | null;
  /** New SKUs only: a saved SKU's stock changes through stock adjustments. */
  stock?: number;
  status?: SkuStatus;
}

/** `saved`: the product's SKUs as the transaction read them; `specs`: its spec definitions after the edit. */
export async function applySkuChanges(
  m: EntityManager,
  product: { id: number; specs: SpecDef[]; saved: Sku[] },
  changes: SkuChange[],
  now: Date,
): Promise<void> {
  const byId = new Map(product.saved.map((s) => [s.id, s]));
  const keys = new Set(product.saved.map((s) => s.specKey));
  const seen = new Set<number>();
  for (const [i, c] of changes.entries()) {
    const refuse = (code: 'SKU_NOT_FOUND' | 'SKU_SPEC_INVALID' | 'SKU_SPEC_DUPLICATE' | 'VALIDATION_FAILED', field: string, message: string) =>
      new AppError(code, message, [{ field: `skus.${i}.${field}`, message }]);
    if (c.id !== undefined) {
      // An id of another product's SKU is as unknown here as one that never existed.
      const current = byId.get(c.id);
      if (!current) throw refuse('SKU_NOT_FOUND', 'id', `商品 #${product.id} 没有 SKU #${c.id}`);
      if (seen.has(c.id)) throw refuse('VALIDATION_FAILED', 'id', `SKU #${c.id} 重复出现`);
      seen.add(c.id);
      const priceFen = c.priceFen ?? current.priceFen;
      const originalPriceFen = c.originalPriceFen === undefined ? current.originalPriceFen : c.originalPriceFen;
      if (originalPriceFen !== null && originalPriceFen <= priceFen) throw refuse('VALIDATION_FAILED', 'originalPriceFen', '划线价必须高于售价');
      const status = c.status ?? current.status;
      // The console sends every row of the matrix; an unchanged one is not written.
      if (priceFen !== current.priceFen || originalPriceFen !== current.originalPriceFen || status !== current.status) {
        await m.update(Sku, { id: c.id }, { priceFen, originalPriceFen, status, updatedAt: now });
      }
      continue;
    }
    // The schema (SkuChange) makes a new row carry its specs, price and stock.
    const specs = c.specs!;
    const check = checkSkuSpecs(product.specs, [specs]);
    if (!check.ok) throw refuse(check.code, 'specs', check.detail);
    const key = specKey(specs);
    if (keys.has(key)) throw refuse('SKU_SPEC_DUPLICATE', 'specs', `规格组合「${specLabel(product.specs, specs) || '默认'}」已存在`);
    keys.add(key);
    await m.insert(Sku, {
      productId: product.id,
      specs,
      specKey: key,
      priceFen: c.priceFen!,
      originalPriceFen: c.originalPriceFen ?? null,
      stock: c.stock!,
      status: c.status ?? 'on_sale',
      createdAt: now,
      updatedAt: now,
    });
  }
}
