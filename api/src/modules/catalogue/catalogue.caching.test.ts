/** Catalogue answers carry an ETag and a short Cache-Control; a matching If-None-Match is a 304. */
import { createCategory, createProduct } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';

describe('catalogue caching headers', () => {
  let app: TestApp;
  let hq: string;
  let productId: number;
  let skuId: number;
  let categoryId: number;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    categoryId = await createCategory(app, hq, '缓存');
    const product = await createProduct(app, hq, { categoryId, title: '缓存测试T恤', skus: [{ specs: {}, priceFen: 5900, stock: 10 }] });
    productId = product.id;
    skuId = product.skus[0].id;
  });
  afterAll(() => app.close());

  // fetch() adds `Cache-Control: no-cache` to a conditional request unless one is given, and
  // no-cache asks for a full answer; a browser revalidating its copy sends max-age=0.
  const get = (path: string, etag?: string) =>
    app.api.call('GET', path, { headers: etag ? { 'if-none-match': etag, 'cache-control': 'max-age=0' } : {} });

  it.each([
    ['/api/home', 'public, max-age=60, s-maxage=60'],
    ['/api/categories', 'public, max-age=60, s-maxage=60'],
    ['/api/products?sort=price_asc', 'public, max-age=0, s-maxage=10'],
    [`/api/products?categoryId=CAT`, 'public, max-age=0, s-maxage=10'],
    ['/api/products/PID', 'public, max-age=0, s-maxage=10'],
  ])('%s answers 200 with an ETag, then 304 with no body while it still matches', async (template, cacheControl) => {
    const path = template.replace('CAT', String(categoryId)).replace('PID', String(productId));
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.body.ok).toBe(true);
    expect(first.headers.get('cache-control')).toBe(cacheControl);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);

    const again = await get(path, etag);
    expect(again.status).toBe(304);
    expect(again.body).toEqual({ raw: '' });
    expect(again.headers.get('etag')).toBe(etag);

    // Another validator (or a list of others) is not a match.
    expect((await get(path, 'W/"something-else"')).status).toBe(200);
  });

  it('changes the ETag when the product changes, so a stale copy gets the new answer', async () => {
    const before = await get(`/api/products/${productId}`);
    const listBefore = await get(`/api/products?categoryId=${categoryId}`);
    const patched = await app.api.patch(`/api/hq/skus/${skuId}`, { priceFen: 4900 }, hq);
    expect(patched.status).toBe(200);

    const after = await get(`/api/products/${productId}`, before.headers.get('etag')!);
    expect(after.status).toBe(200);
    expect(after.body.data.priceFen).toBe(4900);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const listAfter = await get(`/api/products?categoryId=${categoryId}`, listBefore.headers.get('etag')!);
    expect(listAfter.status).toBe(200);
    expect(listAfter.body.data.items[0].priceFen).toBe(4900);
  });

  it('never caches errors or HQ answers', async () => {
    const missing = await get('/api/products/999999');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
    expect(missing.headers.get('cache-control')).toBe('no-store');
    const unknownCategory = await get('/api/products?categoryId=999999');
    expect(unknownCategory.status).toBe(404);
    expect(unknownCategory.body.code).toBe('CATEGORY_NOT_FOUND');
    const hqList = await app.api.get('/api/hq/products', hq);
    expect(hqList.status).toBe(200);
    expect(hqList.headers.get('etag')).toBeNull();
  });
});
