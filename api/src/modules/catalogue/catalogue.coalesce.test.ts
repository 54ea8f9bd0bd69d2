/**
 * Public catalogue answers are kept per process for CATALOGUE_CACHE_MS (catalogue.public.ts).
 * The app's clock is the test's: it stands still unless a test moves it, so "still the kept
 * answer" and "the TTL has passed" are decided by the test, not by how fast the machine is.
 * A change made with plain SQL stands for another instance's order or HQ edit (this process
 * is not told about it).
 */
import { createCategory } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { cartOf, createSku, ok, type SkuFixture } from '../../../test/shopping';
import { postOrder, shopperWithAddress } from '../orders/orders.test-support';
import { PublicCatalogue } from './catalogue.public';

describe('catalogue answers coalesced per process (CATALOGUE_CACHE_MS)', () => {
  let app: TestApp;
  let hq: string;
  let categoryId: number;
  let clock = Date.now();

  beforeAll(async () => {
    app = await startTestApp({ CATALOGUE_CACHE_MS: '1000' }, { now: () => new Date(clock) });
    hq = await loginHq(app);
    categoryId = await createCategory(app, hq, '合并读');
  });
  afterAll(() => app.close());

  const detail = async (productId: number) => ok(await app.api.get(`/api/products/${productId}`));
  const skuOf = async (sku: SkuFixture) => (await detail(sku.productId)).skus.find((s: { id: number }) => s.id === sku.skuId);
  const elsewhere = (sql: string, params: unknown[]) => app.ds.query(sql, params);

  it('lets a page show stock up to the TTL late, while the cart, the quote and the checkout read the database', async () => {
    const sku = await createSku(app, hq, 5900, 10, { categoryId, title: '合并读T恤' });
    const shopper = await shopperWithAddress(app);
    expect(await skuOf(sku)).toMatchObject({ stock: 10, priceFen: 5900 });

    // Another instance sells 9 and HQ (through it) lowers the price.
    await elsewhere('UPDATE sku SET stock = 1, price_fen = 4900 WHERE id = ?', [sku.skuId]);
    expect(await skuOf(sku)).toMatchObject({ stock: 10, priceFen: 5900 });

    const cart = cartOf(app, shopper.token);
    ok(await cart.add(sku.skuId, 1));
    expect(ok(await cart.get()).items[0]).toMatchObject({ skuId: sku.skuId, unitPriceFen: 4900, problem: null });
    const second = await cart.add(sku.skuId, 1);
    expect([second.status, second.body.code]).toEqual([409, 'OUT_OF_STOCK']);

    const quote = ok(await app.api.post('/api/checkout/preview', { lines: [{ skuId: sku.skuId, quantity: 1 }] }, shopper.token));
    expect(quote).toMatchObject({ goodsFen: 4900 });
    const tooMany = await postOrder(app, shopper, { lines: [{ skuId: sku.skuId, quantity: 2 }] });
    expect([tooMany.status, tooMany.body.code]).toEqual([409, 'OUT_OF_STOCK']);
    const order = ok(await postOrder(app, shopper, { lines: [{ skuId: sku.skuId, quantity: 1 }] }), 201);
    expect(order.lines[0]).toMatchObject({ unitPriceFen: 4900 });

    // The page still shows the kept answer until the TTL has passed since its read began.
    clock += 999;
    expect(await skuOf(sku)).toMatchObject({ stock: 10, priceFen: 5900 });
    clock += 1;
    expect(await skuOf(sku)).toMatchObject({ stock: 0, priceFen: 4900 });
  });

  it('shows an HQ edit made through this process at the next read: price, shelf status, category, banner', async () => {
    const sku = await createSku(app, hq, 3900, 5, { categoryId, title: '上架测试' });
    const list = async () => ok(await app.api.get(`/api/products?categoryId=${categoryId}&sort=price_asc`)).items.map((p: { id: number }) => p.id);
    const home = async () => ok(await app.api.get('/api/home'));
    expect(await list()).toContain(sku.productId);
    const before = await home();

    ok(await app.api.patch(`/api/hq/skus/${sku.skuId}`, { priceFen: 3500 }, hq));
    expect(await skuOf(sku)).toMatchObject({ priceFen: 3500 });

    ok(await app.api.patch(`/api/hq/products/${sku.productId}`, { status: 'off_sale' }, hq));
    expect((await app.api.get(`/api/products/${sku.productId}`)).status).toBe(404);
    expect(await list()).not.toContain(sku.productId);

    ok(await app.api.patch(`/api/hq/categories/${categoryId}`, { name: '合并读·改' }, hq));
    ok(await app.api.post('/api/hq/banners', { title: '合并读轮播', image: '/assets/banners/a.svg', productId: null }, hq), 201);
    const after = await home();
    expect(after.categories.find((c: { id: number }) => c.id === categoryId).name).toBe('合并读·改');
    expect(after.banners.length).toBe(before.banners.length + 1);
  });

  it('never keeps an error: a product put on sale elsewhere shows at once after a 404', async () => {
    const sku = await createSku(app, hq, 1990, 3, { categoryId, status: 'draft' });
    expect((await app.api.get(`/api/products/${sku.productId}`)).status).toBe(404);
    await elsewhere("UPDATE product SET status = 'on_sale' WHERE id = ?", [sku.productId]);
    expect((await app.api.get(`/api/products/${sku.productId}`)).status).toBe(200);
  });

  it('answers identical reads in flight with one database read, keyed by the whole normalized query', async () => {
    await createSku(app, hq, 2990, 3, { categoryId }); // an HQ write: nothing is kept now
    const productReads = jest.spyOn(app.ds, 'query');
    try {
      const same = [`categoryId=${categoryId}&sort=sales`, `sort=sales&categoryId=${categoryId}&page=1`, `categoryId=${categoryId}&sort=sales&pageSize=20`];
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => app.api.get(`/api/products?${same[i % 3]}`)));
      expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
      const listReads = () => productReads.mock.calls.filter(([sql]) => /FROM product p/.test(String(sql))).length;
      // One page read and one count, for all twelve.
      expect(listReads()).toBe(2);
      ok(await app.api.get(`/api/products?categoryId=${categoryId}&sort=sales&keyword=${encodeURIComponent(' T恤 ')}`));
      ok(await app.api.get(`/api/products?categoryId=${categoryId}&sort=sales&keyword=T恤`));
      expect(listReads()).toBe(4);
    } finally {
      productReads.mockRestore();
    }
  });

  it('reads the details of different products asked at once together, each answered as its own read would be', async () => {
    const fixtures = [];
    for (const [i, stock] of [5, 0, 7].entries()) fixtures.push(await createSku(app, hq, 1000 + i, stock, { categoryId, title: `合并详情${i}` }));
    const off = await createSku(app, hq, 999, 4, { categoryId, title: '合并详情下架' });
    ok(await app.api.patch(`/api/hq/products/${off.productId}`, { status: 'off_sale' }, hq));
    const ids = fixtures.map((f) => f.productId);
    // Cache off: every answer below is read from the database, none is a kept one.
    const shop = new PublicCatalogue(app.services.catalogue, { ttlMs: 0, now: () => new Date(clock) });
    const reads = jest.spyOn(app.ds, 'query');
    let answers: PromiseSettledResult<{ body: Buffer }>[];
    let productReads: number;
    try {
      answers = await Promise.allSettled([...ids, off.productId, 99_999_999].map((id) => shop.product(id)));
      productReads = reads.mock.calls.filter(([sql]) => /FROM product p/.test(String(sql))).length;
    } finally {
      reads.mockRestore();
    }
    expect(productReads).toBe(1);
    for (const [i, id] of ids.entries()) {
      const answer = answers[i];
      expect(answer.status).toBe('fulfilled');
      const body = JSON.parse((answer as PromiseFulfilledResult<{ body: Buffer }>).value.body.toString());
      expect(body.data).toEqual(await app.services.catalogue.productDetail(id, { shopper: true }));
    }
    // Off the shelf and unknown: each its own 404, the batch's other answers unaffected.
    expect(answers.slice(3).map((a) => a.status === 'rejected' && (a.reason as { code?: string }).code)).toEqual(['PRODUCT_NOT_FOUND', 'PRODUCT_NOT_FOUND']);
  });
});
