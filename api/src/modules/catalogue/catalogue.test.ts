import type { ProductCardDto } from '@common/catalogue/types';
import { MAX_PAGE_SIZE } from '@common/paging';
import { createCategory, createProduct, TEE_SPECS } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';

describe('catalogue for shoppers', () => {
  let app: TestApp;
  let hq: string;
  let tops: number;
  let home: number;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    tops = await createCategory(app, hq, '上衣');
    home = await createCategory(app, hq, '家居');
    const prices = [5900, 12900, 3900, 29900, 8900];
    for (const [i, priceFen] of prices.entries()) {
      const p = await createProduct(app, hq, {
        categoryId: tops,
        title: i === 0 ? '纯棉圆领T恤 男女同款' : `上衣${i}号`,
        tags: i === 1 ? ['新品'] : [],
        skus: [{ specs: {}, priceFen, stock: 10 }],
      });
      await app.services.tx.run((m) => m.query('UPDATE product SET sales_count = ? WHERE id = ?', [(i * 37) % 100, p.id]));
    }
    await createProduct(app, hq, { categoryId: home, title: '100%纯棉毛巾 加厚款', skus: [{ specs: {}, priceFen: 1990, stock: 50 }] });
    await createProduct(app, hq, { categoryId: home, title: '草稿商品不应出现', status: 'draft' });
    await createProduct(app, hq, { categoryId: home, title: '下架商品不应出现', status: 'off_sale' });
  });
  afterAll(() => app.close());

  const list = async (qs: string) => {
    const res = await app.api.get(`/api/products?${qs}`);
    expect(res.status).toBe(200);
    return res.body.data as { items: ProductCardDto[]; total: number; hasMore: boolean; pageSize: number };
  };

  it('lists only on-sale products, by category', async () => {
    const all = await list('');
    expect(all.items.map((p) => p.title)).not.toEqual(expect.arrayContaining([expect.stringMatching(/不应出现/)]));
    expect(all.total).toBe(6);
    const inHome = await list(`categoryId=${home}`);
    expect(inHome.items.map((p) => p.title)).toEqual(['100%纯棉毛巾 加厚款']);
    expect(inHome.items.every((p) => p.categoryId === home)).toBe(true);
  });

  it('sorts by price both ways, by sales and by newest', async () => {
    const asc = (await list(`categoryId=${tops}&sort=price_asc`)).items.map((p) => p.priceFen);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await list(`categoryId=${tops}&sort=price_desc`)).items.map((p) => p.priceFen);
    expect(desc).toEqual([...asc].reverse());
    const sales = (await list(`categoryId=${tops}&sort=sales`)).items.map((p) => p.salesCount);
    expect(sales).toEqual([...sales].sort((a, b) => b - a));
    const newest = (await list(`categoryId=${tops}&sort=newest`)).items.map((p) => p.id);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
  });

  it('pages without gaps or repeats, and caps the page size', async () => {
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const p = await list(`pageSize=4&page=${page}&sort=price_asc`);
      seen.push(...p.items.map((i) => i.id));
      if (!p.hasMore) break;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect((await list('pageSize=500')).pageSize).toBe(MAX_PAGE_SIZE);
  });

  it('searches titles and tags, treating SQL and HTML as plain text', async () => {
    expect((await list(`keyword=${encodeURIComponent('T恤')}`)).items.map((p) => p.title)).toEqual(['纯棉圆领T恤 男女同款']);
    expect((await list(`keyword=${encodeURIComponent('新品')}`)).total).toBe(1);
    // LIKE wildcards are literal: "%" matches only a real percent sign.
    expect((await list(`keyword=${encodeURIComponent('100%')}`)).items.map((p) => p.title)).toEqual(['100%纯棉毛巾 加厚款']);
    expect((await list(`keyword=${encodeURIComponent('%')}`)).total).toBe(1);
    expect((await list(`keyword=${encodeURIComponent('_')}`)).total).toBe(0);
    const injection = await list(`keyword=${encodeURIComponent("' OR 1=1; DROP TABLE product; --")}`);
    expect(injection.total).toBe(0);
    const html = await app.api.get(`/api/products?keyword=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/application\/json/);
    expect((await list('')).total).toBe(6);
  });

  it('shows a product with its on-sale SKUs and stock', async () => {
    const tee = await createProduct(app, hq, {
      categoryId: tops,
      title: '双色T恤',
      specs: TEE_SPECS,
      skus: [
        { specs: { 颜色: '白色', 尺码: 'M' }, priceFen: 6900, originalPriceFen: 9900, stock: 4 },
        { specs: { 颜色: '白色', 尺码: 'L' }, priceFen: 6900, stock: 0 },
        { specs: { 颜色: '黑色', 尺码: 'M' }, priceFen: 5900, stock: 7 },
        { specs: { 颜色: '黑色', 尺码: 'L' }, priceFen: 4900, stock: 3, status: 'off_sale' },
      ],
    });
    const res = await app.api.get(`/api/products/${tee.id}`);
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d.skus).toHaveLength(3);
    expect(d.totalStock).toBe(11);
    // The list price is the cheapest SKU a shopper can actually buy, not the off-sale one.
    expect(d.priceFen).toBe(5900);
    expect(d.specs).toEqual(TEE_SPECS);
    expect(d.skus.find((s: { specs: Record<string, string> }) => s.specs['颜色'] === '白色' && s.specs['尺码'] === 'M')).toMatchObject({
      priceFen: 6900,
      originalPriceFen: 9900,
      stock: 4,
    });
  });

  it('answers 404 with a code for unknown, draft and off-sale products and unknown categories', async () => {
    const draft = (await list('')).total; // unchanged by drafts
    expect(draft).toBeGreaterThan(0);
    const hqList = await app.api.get('/api/hq/products?status=draft', hq);
    const draftId = hqList.body.data.items[0].id;
    for (const path of ['/api/products/999999', `/api/products/${draftId}`]) {
      const res = await app.api.get(path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ ok: false, code: 'PRODUCT_NOT_FOUND' });
    }
    const cat = await app.api.get('/api/products?categoryId=999999');
    expect(cat.status).toBe(404);
    expect(cat.body.code).toBe('CATEGORY_NOT_FOUND');
  });

  it('answers 400 naming the field for malformed queries', async () => {
    for (const [qs, field] of [
      ['sort=cheapest', 'sort'],
      ['page=0', 'page'],
      ['pageSize=abc', 'pageSize'],
      ['categoryId=-3', 'categoryId'],
      [`keyword=${'长'.repeat(51)}`, 'keyword'],
    ]) {
      const res = await app.api.get(`/api/products?${qs}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field });
      expect(res.body.message).toContain(field);
    }
    expect((await app.api.get('/api/products/abc')).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
  });

  it('serves the home page data: categories in order and active banners', async () => {
    const res = await app.api.get('/api/home');
    expect(res.body.data.categories.map((c: { name: string }) => c.name)).toEqual(['上衣', '家居']);
    expect(res.body.data.banners).toEqual([]);
  });
});
