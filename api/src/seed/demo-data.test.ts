import * as fs from 'fs';
import * as path from 'path';
import { checkSkuSpecs } from '@common/catalogue/sku';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS } from './demo-data';

const ASSETS_DIR = path.resolve(__dirname, '../../assets');

/** '/assets/products/x.svg' -> <api>/assets/products/x.svg */
function assetFile(sitePath: string): string {
  return path.join(ASSETS_DIR, sitePath.replace(/^\/assets\//, ''));
}

const isFen = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

describe('demo catalogue', () => {
  it('has enough categories and products', () => {
    expect(DEMO_CATEGORIES.length).toBeGreaterThanOrEqual(3);
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(30);
  });

  it('has unique category names and product keys', () => {
    expect(new Set(DEMO_CATEGORIES.map((c) => c.name)).size).toBe(DEMO_CATEGORIES.length);
    const keys = DEMO_PRODUCTS.map((p) => p.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('puts every product in an existing category', () => {
    const names = new Set(DEMO_CATEGORIES.map((c) => c.name));
    expect(DEMO_PRODUCTS.filter((p) => !names.has(p.category)).map((p) => p.key)).toEqual([]);
  });

  it.each(DEMO_PRODUCTS.map((p) => [p.key, p] as const))('%s has valid SKUs and prices', (_key, p) => {
    expect(p.skus.length).toBeGreaterThan(0);
    expect(checkSkuSpecs(p.specs, p.skus.map((s) => s.specs))).toEqual({ ok: true });
    for (const sku of p.skus) {
      expect(isFen(sku.priceFen)).toBe(true);
      expect(Number.isSafeInteger(sku.stock) && sku.stock >= 0).toBe(true);
      if (sku.originalPriceFen !== null) {
        expect(isFen(sku.originalPriceFen)).toBe(true);
        expect(sku.originalPriceFen).toBeGreaterThan(sku.priceFen);
      }
    }
    expect(p.images.length).toBeGreaterThanOrEqual(1);
    expect(p.images.length).toBeLessThanOrEqual(3);
    expect(p.title.trim()).not.toBe('');
  });

  it('references only image files that exist under api/assets', () => {
    const referenced = [
      ...DEMO_CATEGORIES.map((c) => c.icon),
      ...DEMO_PRODUCTS.flatMap((p) => p.images),
      ...DEMO_BANNERS.map((b) => b.image),
    ];
    expect(referenced.filter((p) => !p.startsWith('/assets/'))).toEqual([]);
    expect(referenced.filter((p) => !fs.existsSync(assetFile(p)))).toEqual([]);
  });

  it('has a T恤 for the search demo', () => {
    expect(DEMO_PRODUCTS.some((p) => p.title.includes('T恤'))).toBe(true);
  });

  it('links banners only to existing products', () => {
    expect(DEMO_BANNERS.length).toBeGreaterThan(0);
    const keys = new Set(DEMO_PRODUCTS.map((p) => p.key));
    expect(DEMO_BANNERS.filter((b) => b.productKey !== null && !keys.has(b.productKey)).map((b) => b.title)).toEqual([]);
  });
});
