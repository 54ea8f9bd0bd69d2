/**
 * SKU rules shared by HQ validation (api/) and the SKU picker (miniapp/).
 * Pure: no I/O, no clock.
 */
import type { SkuSpecs, SpecDef } from './types';

export type SpecCheck = { ok: true } | { ok: false; code: 'SKU_SPEC_INVALID' | 'SKU_SPEC_DUPLICATE'; detail: string };

/** A stable key for a spec combination, independent of key order: "尺码=M|颜色=白色". */
export function specKey(specs: SkuSpecs): string {
  return Object.keys(specs)
    .sort()
    .map((name) => `${name}=${specs[name]}`)
    .join('|');
}

/** Human label in the product's spec order: "白色 / M". */
export function specLabel(defs: SpecDef[], specs: SkuSpecs): string {
  if (defs.length === 0) return Object.values(specs).join(' / ');
  return defs.map((d) => specs[d.name]).filter(Boolean).join(' / ');
}

/** Spec definitions must have unique, non-empty names and unique, non-empty values. */
export function checkSpecDefs(defs: SpecDef[]): SpecCheck {
  const names = new Set<string>();
  for (const def of defs) {
    if (!def.name.trim()) return { ok: false, code: 'SKU_SPEC_INVALID', detail: '规格名称不能为空' };
    if (names.has(def.name)) return { ok: false, code: 'SKU_SPEC_INVALID', detail: `规格「${def.name}」重复` };
    names.add(def.name);
    if (def.values.length === 0) return { ok: false, code: 'SKU_SPEC_INVALID', detail: `规格「${def.name}」没有可选值` };
    if (new Set(def.values).size !== def.values.length)
      return { ok: false, code: 'SKU_SPEC_INVALID', detail: `规格「${def.name}」有重复的值` };
  }
  return { ok: true };
}

/**
 * Every SKU names exactly the product's spec dimensions with one of their allowed values, and
 * no two SKUs share a combination. A product without specs has exactly one SKU with no specs.
 */
export function checkSkuSpecs(defs: SpecDef[], skus: SkuSpecs[]): SpecCheck {
  const defsOk = checkSpecDefs(defs);
  if (!defsOk.ok) return defsOk;
  if (defs.length === 0 && skus.length > 1)
    return { ok: false, code: 'SKU_SPEC_DUPLICATE', detail: '未定义规格的商品只能有一个 SKU' };
  const seen = new Set<string>();
  for (const specs of skus) {
    const names = Object.keys(specs);
    if (names.length !== defs.length) return { ok: false, code: 'SKU_SPEC_INVALID', detail: 'SKU 的规格项与商品不一致' };
    for (const def of defs) {
      const value = specs[def.name];
      if (value === undefined) return { ok: false, code: 'SKU_SPEC_INVALID', detail: `SKU 缺少规格「${def.name}」` };
      if (!def.values.includes(value))
        return { ok: false, code: 'SKU_SPEC_INVALID', detail: `规格「${def.name}」没有「${value}」这个值` };
    }
    const key = specKey(specs);
    if (seen.has(key)) return { ok: false, code: 'SKU_SPEC_DUPLICATE', detail: `规格组合「${key}」重复` };
    seen.add(key);
  }
  return { ok: true };
}

export interface PickableSku {
  id: number;
  specs: SkuSpecs;
  stock: number;
  status: 'on_sale' | 'off_sale';
}

export interface SkuPickerState<S extends PickableSku> {
  /** The SKU matching a complete selection, or null while a dimension is unpicked. */
  sku: S | null;
  /** For each spec name, the values that can still lead to a buyable SKU given the other picks. */
  available: Record<string, Set<string>>;
  /** Spec names the shopper has not picked yet, in the product's order. */
  missing: string[];
}

const buyable = (s: PickableSku) => s.status === 'on_sale' && s.stock > 0;

/**
 * The SKU picker's state for a (possibly partial) selection. A value is available when some
 * buyable SKU has it together with the other dimensions' current picks, so the shopper can never
 * compose a sold-out combination. Ignores picks of unknown names or values.
 */
export function pickSku<S extends PickableSku>(defs: SpecDef[], skus: S[], selected: SkuSpecs): SkuPickerState<S> {
  const available: Record<string, Set<string>> = {};
  for (const def of defs) {
    available[def.name] = new Set(
      def.values.filter((value) =>
        skus.some(
          (s) =>
            buyable(s) &&
            s.specs[def.name] === value &&
            defs.every((other) => other.name === def.name || !selected[other.name] || s.specs[other.name] === selected[other.name]),
        ),
      ),
    );
  }
  const missing = defs.filter((d) => !selected[d.name] || !d.values.includes(selected[d.name])).map((d) => d.name);
  const sku = missing.length === 0 ? (skus.find((s) => defs.every((d) => s.specs[d.name] === selected[d.name])) ?? null) : null;
  return { sku, available, missing };
}

/**
 * A sensible first selection: the product's only SKU, or the first buyable SKU when every
 * dimension has a single value. Otherwise nothing is pre-picked, so the shopper chooses.
 */
export function initialSelection(defs: SpecDef[], skus: PickableSku[]): SkuSpecs {
  if (defs.every((d) => d.values.length === 1)) {
    const first = skus.find(buyable) ?? skus[0];
    return first ? { ...first.specs } : {};
  }
  return {};
}
