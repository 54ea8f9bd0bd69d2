/**
 * The SKU matrix of a product form: every combination of its spec values, each row keeping what
 * the operator typed (or the saved SKU) when the specs change. Pure, unit-tested.
 */
import type { SkuSpecs, SpecDef } from '@common/catalogue/types';
import { specKey } from '@common/catalogue/sku';

export interface SkuRow {
  /** The saved SKU's id; undefined for a combination not saved yet. */
  id?: number;
  specs: SkuSpecs;
  priceYuan: string;
  originalYuan: string;
  stock: number | null;
  status: 'on_sale' | 'off_sale';
}

/** Every combination of the specs' values, in the order the values were entered ([{}] for none). */
export function combinations(specs: SpecDef[]): SkuSpecs[] {
  const defs = specs.filter((s) => s?.name && s.values?.length);
  return defs.reduce<SkuSpecs[]>(
    (acc, def) => acc.flatMap((combo) => def.values.map((v) => ({ ...combo, [def.name]: v }))),
    [{}],
  );
}

/**
 * The rows for `specs`: a combination already in `rows` keeps its row; a new one starts from the
 * first row's price (operators fill a matrix with mostly one price) and no stock. Saved SKUs whose
 * combination left the specs stay listed, so an edit never silently drops a SKU.
 */
export function matrixRows(specs: SpecDef[], rows: SkuRow[]): SkuRow[] {
  const byKey = new Map(rows.map((r) => [specKey(r.specs), r]));
  const template = rows[0];
  const next = combinations(specs).map(
    (specs): SkuRow =>
      byKey.get(specKey(specs)) ?? {
        specs,
        priceYuan: template?.priceYuan ?? '',
        originalYuan: template?.originalYuan ?? '',
        stock: null,
        status: 'on_sale',
      },
  );
  const kept = new Set(next.map((r) => specKey(r.specs)));
  return [...next, ...rows.filter((r) => r.id !== undefined && !kept.has(specKey(r.specs)))];
}

export const specLabel = (specs: SkuSpecs): string => Object.values(specs).join(' / ') || '默认';
