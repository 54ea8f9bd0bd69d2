/**
 * The vocabulary of the demo catalogue: its types, category names and the helpers that expand
 * specs into SKUs. Shared by the demo product lists (demo-products-*.ts) and demo-data.ts.
 */
import type { SkuSpecs, SpecDef } from '@common/catalogue/types';

export interface DemoCategory {
  name: string;
  /** '/assets/categories/<file>.svg' */
  icon: string;
}

export interface DemoSku {
  specs: SkuSpecs;
  priceFen: number;
  originalPriceFen: number | null;
  stock: number;
}

export interface DemoProduct {
  /** Stable slug, unique. */
  key: string;
  /** A DemoCategory name. */
  category: string;
  title: string;
  subtitle: string;
  description: string;
  tags: string[];
  /** [] for single-SKU products. */
  specs: SpecDef[];
  skus: DemoSku[];
  /** 1-3 site-relative paths '/assets/products/<file>.svg'; the first is the cover. */
  images: string[];
  salesCount: number;
  /** Listed this many days before seeding (drives the 'newest' sort). */
  daysAgo: number;
}

export interface DemoBanner {
  title: string;
  /** '/assets/banners/<file>.svg' (750x320) */
  image: string;
  productKey: string | null;
}

export const WOMEN = '女装';
export const MEN = '男装';
export const KIDS = '童装';
export const BEAUTY = '美妆个护';
export const HOME = '家居生活';

/** '/assets/products/<key>-<suffix>.svg' for each suffix, or '<key>.svg' without suffixes. */
export function images(key: string, ...suffixes: string[]): string[] {
  if (suffixes.length === 0) return [`/assets/products/${key}.svg`];
  return suffixes.map((s) => `/assets/products/${key}-${s}.svg`);
}

type Price = [priceFen: number, originalPriceFen: number | null];

/**
 * The specs and one SKU per combination of their values (first dimension outermost), priced by
 * `price` and stocked from `stocks` in the same order: one stock number per combination.
 */
export function variants(
  defs: SpecDef[],
  price: Price | ((specs: SkuSpecs) => Price),
  stocks: number[],
): { specs: SpecDef[]; skus: DemoSku[] } {
  let combos: SkuSpecs[] = [{}];
  for (const def of defs) {
    combos = combos.flatMap((partial) => def.values.map((value) => ({ ...partial, [def.name]: value })));
  }
  if (combos.length !== stocks.length) {
    throw new Error(`demo data: ${combos.length} SKUs but ${stocks.length} stock numbers`);
  }
  const skus = combos.map((specs, i) => {
    const [priceFen, originalPriceFen] = typeof price === 'function' ? price(specs) : price;
    return { specs, priceFen, originalPriceFen, stock: stocks[i] };
  });
  return { specs: defs, skus };
}

/** The one SKU of a product without specs. */
export function single(priceFen: number, originalPriceFen: number | null, stock: number): DemoSku[] {
  return [{ specs: {}, priceFen, originalPriceFen, stock }];
}

export const spec = (name: string, ...values: string[]): SpecDef => ({ name, values });

export const ADULT_SIZES = spec('尺码', 'S', 'M', 'L', 'XL');
export const MEN_SIZES = spec('尺码', 'M', 'L', 'XL', 'XXL');
export const KID_SIZES = spec('尺码', '100cm', '110cm', '120cm', '130cm', '140cm');
