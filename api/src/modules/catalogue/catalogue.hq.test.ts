import { MAX_STOCK } from '@common/catalogue/buyable';
import { anAddress } from '../../../test/shopping';
import { createCategory, createProduct, TEE_SPECS } from '../../../test/fixtures';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { Product, Sku, StockAdjustment } from './catalogue.entities';

describe('catalogue for HQ', () => {
  let app: TestApp;
  let hq: string;
  let categoryId: number;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    categoryId = await createCategory(app, hq, '男装');
  });
  afterAll(() => app.close());

  const counts = async () => ({ products: await app.ds.getRepository(Product).count(), skus: await app.ds.getRepository(Sku).count() });

  it('creates a product with SKUs and computes its list price', async () => {
    const p = await createProduct(app, hq, {
      categoryId,
      title: '重磅纯棉T恤',
      specs: TEE_SPECS,
      skus: [
        { specs: { 颜色: '白色', 尺码: 'M' }, priceFen: 7900, originalPriceFen: 9900, stock: 5 },
        { specs: { 颜色: '黑色', 尺码: 'M' }, priceFen: 6900, stock: 5 },
      ],
    });
    expect(p).toMatchObject({ title: '重磅纯棉T恤', priceFen: 6900, originalPriceFen: null, totalStock: 10, status: 'on_sale' });
  });

  it('refuses bad bodies with 400 naming the field, and writes nothing', async () => {
    const before = await counts();
    const base = { categoryId, title: '校验商品', images: ['/assets/products/x.svg'], skus: [{ specs: {}, priceFen: 100, stock: 1 }] };
    const cases: [unknown, string][] = [
      [{ ...base, skus: [{ specs: {}, priceFen: -1, stock: 1 }] }, 'skus.0.priceFen'],
      [{ ...base, skus: [{ specs: {}, priceFen: 19.9, stock: 1 }] }, 'skus.0.priceFen'],
      [{ ...base, skus: [{ specs: {}, priceFen: 100, originalPriceFen: 100, stock: 1 }] }, 'skus.0.originalPriceFen'],
      [{ ...base, skus: [] }, 'skus'],
      [{ ...base, images: ['javascript:alert(1)'] }, 'images.0'],
      [{ ...base, title: '' }, 'title'],
      [{ ...base, price: 1 }, 'price'],
      [{ ...base, status: 'deleted' }, 'status'],
    ];
    for (const [body, field] of cases) {
      const res = await app.api.post('/api/hq/products', body, hq);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field });
    }
    // Specs that do not match the definitions fail inside the service: still nothing written.
    const mismatch = await app.api.post(
      '/api/hq/products',
      { ...base, specs: TEE_SPECS, skus: [{ specs: { 颜色: '白色', 尺码: 'M' }, priceFen: 100, stock: 1 }, { specs: { 颜色: '红色', 尺码: 'M' }, priceFen: 100, stock: 1 }] },
      hq,
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe('SKU_SPEC_INVALID');
    const unknownCategory = await app.api.post('/api/hq/products', { ...base, categoryId: 987654 }, hq);
    expect(unknownCategory.status).toBe(404);
    expect(unknownCategory.body.code).toBe('CATEGORY_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('adds a SKU, refusing a duplicate combination with 409', async () => {
    const p = await createProduct(app, hq, { categoryId, specs: TEE_SPECS, skus: [{ specs: { 颜色: '白色', 尺码: 'M' }, priceFen: 5000, stock: 1 }] });
    const added = await app.api.post(`/api/hq/products/${p.id}/skus`, { specs: { 颜色: '黑色', 尺码: 'L' }, priceFen: 4000, stock: 2 }, hq);
    expect(added.status).toBe(201);
    const detail = await app.api.get(`/api/products/${p.id}`);
    expect(detail.body.data.priceFen).toBe(4000);
    const dup = await app.api.post(`/api/hq/products/${p.id}/skus`, { specs: { 尺码: 'L', 颜色: '黑色' }, priceFen: 4000, stock: 2 }, hq);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('SKU_SPEC_DUPLICATE');
    expect((await app.api.post(`/api/hq/products/99999/skus`, { specs: {}, priceFen: 1, stock: 1 }, hq)).status).toBe(404);
  });

  it('updates prices and status, keeping the list price in step', async () => {
    const p = await createProduct(app, hq, { categoryId, skus: [{ specs: {}, priceFen: 5000, stock: 1 }] });
    const skuId = p.skus[0].id;
    const patched = await app.api.patch(`/api/hq/skus/${skuId}`, { priceFen: 4500, originalPriceFen: 6000 }, hq);
    expect(patched.body.data).toMatchObject({ priceFen: 4500, originalPriceFen: 6000 });
    expect((await app.api.get(`/api/products/${p.id}`)).body.data).toMatchObject({ priceFen: 4500, originalPriceFen: 6000 });
    const bad = await app.api.patch(`/api/hq/skus/${skuId}`, { priceFen: 7000 }, hq);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('originalPriceFen');
    expect((await app.api.patch(`/api/hq/skus/${skuId}`, { stock: 100 }, hq)).body.field).toBe('stock');

    const off = await app.api.patch(`/api/hq/products/${p.id}`, { status: 'off_sale' }, hq);
    expect(off.body.data.status).toBe('off_sale');
    expect((await app.api.get(`/api/products/${p.id}`)).status).toBe(404);
    expect((await app.api.patch(`/api/hq/products/${p.id}`, {}, hq)).status).toBe(400);
  });

  it('changes only the fields a PATCH sends', async () => {
    const p = await createProduct(app, hq, { categoryId, status: 'off_sale', skus: [{ specs: {}, priceFen: 5000, stock: 1, status: 'off_sale' }] });
    const renamed = await app.api.patch(`/api/hq/products/${p.id}`, { title: '改名后的商品' }, hq);
    expect(renamed.body.data).toMatchObject({ title: '改名后的商品', status: 'off_sale', subtitle: p.subtitle, tags: p.tags });
    const repriced = await app.api.patch(`/api/hq/skus/${p.skus[0].id}`, { priceFen: 4000 }, hq);
    expect(repriced.body.data).toMatchObject({ priceFen: 4000, status: 'off_sale' });
  });

  it('refuses a category name twice with 409', async () => {
    const res = await app.api.post('/api/hq/categories', { name: '男装' }, hq);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CATEGORY_NAME_TAKEN');
  });

  it('never takes stock below zero under concurrent adjustments, and logs every change', async () => {
    const p = await createProduct(app, hq, { categoryId, skus: [{ specs: {}, priceFen: 100, stock: 20 }] });
    const skuId = p.skus[0].id;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => app.api.post(`/api/hq/skus/${skuId}/stock-adjustments`, { delta: -1, reason: '盘点出库' }, hq)),
    );
    const ok = results.filter((r) => r.status === 201).length;
    const refused = results.filter((r) => r.status === 409);
    expect(ok).toBe(20);
    expect(refused).toHaveLength(30);
    expect(refused.every((r) => r.body.code === 'STOCK_WOULD_GO_NEGATIVE')).toBe(true);

    const sku = await app.ds.getRepository(Sku).findOneByOrFail({ id: skuId });
    const log = await app.ds.getRepository(StockAdjustment).findBy({ skuId });
    expect(sku.stock).toBe(0);
    // Invariant: initial stock + sum of logged changes = stock now; each log row saw a distinct level.
    expect(20 + log.reduce((n, a) => n + a.delta, 0)).toBe(sku.stock);
    expect(new Set(log.map((a) => a.stockAfter)).size).toBe(20);

    const back = await app.api.post(`/api/hq/skus/${skuId}/stock-adjustments`, { delta: 5, reason: '补货' }, hq);
    expect(back.body.data.stock).toBe(5);
    expect((await app.api.post(`/api/hq/skus/${skuId}/stock-adjustments`, { delta: 0, reason: 'x' }, hq)).body.field).toBe('delta');
    expect((await app.api.post(`/api/hq/skus/424242/stock-adjustments`, { delta: 1, reason: 'x' }, hq)).status).toBe(404);
  });

  it('caps stock at MAX_STOCK with a 409, and a shopper cancel still returns units to a SKU at the cap', async () => {
    const p = await createProduct(app, hq, { categoryId, skus: [{ specs: {}, priceFen: 100, stock: 10 }] });
    const skuId = p.skus[0].id;
    const adjust = (delta: number) => app.api.post(`/api/hq/skus/${skuId}/stock-adjustments`, { delta, reason: '补货' }, hq);
    const over = await adjust(MAX_STOCK);
    expect([over.status, over.body.code, over.body.field]).toEqual([409, 'STOCK_OVER_LIMIT', 'delta']);
    expect((await adjust(MAX_STOCK + 1)).status).toBe(400);
    expect((await adjust(MAX_STOCK - 10)).status).toBe(201);
    // A shopper orders 5 at the cap, HQ fills the gap, then the cancel returns 5: above the cap, never refused.
    const shopper = await loginShopper(app);
    const address = (await app.api.post('/api/addresses', anAddress(), shopper.token)).body.data;
    const order = await app.api.post('/api/orders', { lines: [{ skuId, quantity: 5 }], addressId: address.id }, shopper.token);
    expect(order.status).toBe(201);
    expect((await adjust(5)).status).toBe(201);
    expect((await adjust(1)).body.code).toBe('STOCK_OVER_LIMIT');
    const cancelled = await app.api.post(`/api/orders/${order.body.data.id}/cancel`, {}, shopper.token);
    expect([cancelled.status, cancelled.body.data.status]).toEqual([200, 'cancelled']);
    expect((await app.ds.getRepository(Sku).findOneByOrFail({ id: skuId })).stock).toBe(MAX_STOCK + 5);
    // Removing is always allowed, even from above the cap.
    expect((await adjust(-6)).body.data.stock).toBe(MAX_STOCK - 1);
  });
});
