import * as fs from 'fs';
import * as path from 'path';
import { checkSkuSpecs } from '@common/catalogue/sku';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS } from './demo-data';
import { DEMO_CAMPAIGNS, DEMO_COUPONS, DEMO_MALL_ITEMS, DEMO_MEMBERS, DEMO_NEW_MEMBER_PACK, DEMO_STORES, findSku, type DemoSkuRef } from './demo-loop-data';

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

describe('demo loop data', () => {
  const skuOf = (ref: DemoSkuRef) => findSku(DEMO_PRODUCTS.find((x) => x.key === ref.product)?.skus ?? [], ref);
  const refs: [string, DemoSkuRef, number][] = [
    ...DEMO_CAMPAIGNS.map((c) => [c.title, c.sku, c.stock] as [string, DemoSkuRef, number]),
    ...DEMO_MALL_ITEMS.flatMap((i) => (i.kind === 'goods' ? [[i.title, i.sku, 1] as [string, DemoSkuRef, number]] : [])),
    ...DEMO_MEMBERS.flatMap((m) => m.orders.flatMap((o) => o.lines.map((l) => [m.openid, l.sku, l.quantity] as [string, DemoSkuRef, number]))),
  ];

  it.each(refs)('%s names an existing SKU with the units it takes', (_name, ref, units) => {
    const sku = skuOf(ref);
    expect(sku).toBeDefined();
    expect(sku!.stock).toBeGreaterThanOrEqual(units);
  });

  it('has a live campaign and a scheduled one', () => {
    expect(DEMO_CAMPAIGNS.some((c) => c.startsInMs < 0 && c.endsInMs > 0)).toBe(true);
    expect(DEMO_CAMPAIGNS.some((c) => c.startsInMs > 0)).toBe(true);
  });

  it('offers 满减, 折扣 and 无门槛 in 领券中心, and the pack and mall use coupons that are not claimable', () => {
    const byKey = new Map(DEMO_COUPONS.map((c) => [c.key, c]));
    expect(new Set(DEMO_COUPONS.filter((c) => c.claimable).map((c) => c.kind))).toEqual(new Set(['amount_off', 'percent_off', 'no_threshold']));
    const packAndMall = [...DEMO_NEW_MEMBER_PACK.coupons, ...DEMO_MALL_ITEMS.flatMap((i) => (i.kind === 'coupon' ? [i.coupon] : []))];
    expect(packAndMall.map((k) => byKey.get(k)?.claimable)).toEqual(packAndMall.map(() => false));
    const used = DEMO_MEMBERS.flatMap((m) => m.orders.flatMap((o) => (o.claimAndUse ? [o.claimAndUse] : [])));
    expect(used.map((k) => byKey.get(k)?.claimable)).toEqual(used.map(() => true));
  });

  it('binds members only to demo guides, and ends orders in every state HQ reports on', () => {
    const guides = new Set(DEMO_STORES.flatMap((s) => s.guides.map((g) => g.wecomUserId)));
    expect(DEMO_STORES.length).toBe(2);
    expect(DEMO_MEMBERS.filter((m) => m.touchedBy && !guides.has(m.touchedBy))).toEqual([]);
    expect(new Set(DEMO_MEMBERS.flatMap((m) => m.orders.map((o) => o.end)))).toEqual(new Set(['paid', 'shipped', 'completed', 'refunded']));
    expect(new Set(DEMO_MEMBERS.map((m) => m.openid)).size).toBe(DEMO_MEMBERS.length);
  });
});
