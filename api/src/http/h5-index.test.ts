/**
 * The H5 build's index.html as the API serves it, with 首页's first products server-rendered
 * into it (platform/first-screen.ts, H5_FIRST_SCREEN): the first screen's products of the 首页
 * list, in its order, escaped; compressed and revalidated by an ETag over the page made; gone
 * with a product taken off the shelf within the catalogue's cache window; off with the env.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { ProductCardDto } from '@common/catalogue/types';
import { createCategory, createProduct } from '../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../test/harness';
import { FIRST_SCREEN_PRODUCTS } from '../platform/first-screen';
import { rawGet as get } from '../../test/raw-get';

const TEMPLATE = '<!doctype html><html lang="zh-CN"><head><title>Loopmall</title></head><body><div id="app"></div></body></html>';
const NASTY = '<script>alert(1)</script> & 「特价」';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** The card titles in the page, as written (escaped). */
const titlesIn = (html: string) => [...html.matchAll(/<span class="product-card__title">([^<]*)<\/span>/g)].map((m) => m[1]);

function h5Dir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopmall-h5-index-'));
  fs.writeFileSync(path.join(dir, 'index.html'), TEMPLATE);
  return dir;
}

describe('index.html with 首页 first screen (H5_FIRST_SCREEN on)', () => {
  const dir = h5Dir();
  let clock = Date.parse('2026-12-04T02:00:00Z');
  let app: TestApp;
  let hq: string;
  let categoryId: number;
  const ids: number[] = [];

  const home = async () => (await app.api.get('/api/products?sort=newest&page=1&pageSize=20')).body.data.items as ProductCardDto[];
  const index = async () => (await get(app.url, '/')).body.toString();

  beforeAll(async () => {
    app = await startTestApp({ SERVE_H5: 'true', H5_DIR: dir, CATALOGUE_CACHE_MS: '1000' }, { now: () => new Date(clock) });
    hq = await loginHq(app);
    categoryId = await createCategory(app, hq, '首屏');
    for (let i = 1; i <= FIRST_SCREEN_PRODUCTS + 2; i++) {
      const title = i === FIRST_SCREEN_PRODUCTS + 1 ? NASTY : `首屏商品${i}`;
      ids.push((await createProduct(app, hq, { categoryId, title, tags: i === FIRST_SCREEN_PRODUCTS + 2 ? ['"新品"', '<b>'] : [], skus: [{ specs: {}, priceFen: 1000 + i, originalPriceFen: 5000, stock: 5 }] })).id);
    }
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('carries the first products of the 首页 list, in its order, every text escaped', async () => {
    const html = await index();
    const titles = titlesIn(html);
    expect(titles).toHaveLength(FIRST_SCREEN_PRODUCTS);
    expect(titles.map(unescape)).toEqual((await home()).slice(0, FIRST_SCREEN_PRODUCTS).map((p) => p.title));
    // The title with markup in it is text, not a tag.
    expect(titles).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 「特价」');
    expect(html).not.toContain('<script>alert(1)');
    // The oldest products are below the first screen.
    expect(titles.map(unescape)).not.toContain('首屏商品1');
    // Links to the product's H5 route; price, original price and sold count as the app's card shows them.
    const newest = ids[ids.length - 1];
    expect(html).toContain(`href="#/pages/product/index?id=${newest}"`);
    expect(html).toContain(`<span class="price__yuan">10</span><span class="price__cents">.0${FIRST_SCREEN_PRODUCTS + 2}</span>`);
    expect(html).toContain('<span class="price-original product-card__original">¥50.00</span>');
    expect(html).toContain('<span class="product-card__sales">已售 0</span>');
    expect(html).toContain('<div class="product-card__tags"><span class="product-card__tag">&quot;新品&quot;</span><span class="product-card__tag">&lt;b&gt;</span></div>');
    // Right after the app's root, the rest of the page as built.
    expect(html.startsWith('<!doctype html><html lang="zh-CN"><head><title>Loopmall</title></head><body><div id="app"></div><div id="first-screen">')).toBe(true);
    expect(html.endsWith('</div></body></html>')).toBe(true);
  });

  it('is compressed as the client accepts, revalidated by an ETag over the page made, never kept unasked', async () => {
    const br = await get(app.url, '/', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get(app.url, '/index.html', { 'accept-encoding': 'gzip' });
    const plain = await get(app.url, '/');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const text = plain.body.toString();
    expect(titlesIn(text)).toHaveLength(FIRST_SCREEN_PRODUCTS);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(text);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(text);
    for (const r of [br, gz, plain]) {
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers.vary).toMatch(/Accept-Encoding/i);
      expect(r.headers.etag).toBe(plain.headers.etag);
      // The file's date says nothing about the products in the page.
      expect(r.headers['last-modified']).toBeUndefined();
    }

    const again = await get(app.url, '/', { 'accept-encoding': 'br', 'if-none-match': plain.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['content-encoding']).toBeUndefined();

    // A price change (through HQ, this process) is a new page: the old copy is not fresh any more.
    const product = (await app.api.get(`/api/hq/products/${ids[ids.length - 1]}`, hq)).body.data;
    expect((await app.api.patch(`/api/hq/skus/${product.skus[0].id}`, { priceFen: 777 }, hq)).status).toBe(200);
    const changed = await get(app.url, '/', { 'if-none-match': plain.headers.etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(plain.headers.etag);
    expect(changed.body.toString()).toContain('<span class="price__yuan">7</span><span class="price__cents">.77</span>');
  });

  it('drops a product taken off the shelf: at once through this process, within the cache window through another', async () => {
    const [first, second] = await home();
    expect(titlesIn(await index()).slice(0, 2).map(unescape)).toEqual([first.title, second.title]);

    // Through HQ here: the catalogue's kept answers are dropped, index.html follows at once.
    expect((await app.api.patch(`/api/hq/products/${first.id}`, { status: 'off_sale' }, hq)).status).toBe(200);
    expect(titlesIn(await index()).map(unescape)).not.toContain(first.title);

    // Another instance's write (straight to the database): this process keeps its answer up to
    // CATALOGUE_CACHE_MS, then index.html has it no more.
    await index(); // the answer is read (and kept) now
    await app.ds.query("UPDATE product SET status = 'off_sale' WHERE id = ?", [second.id]);
    expect(titlesIn(await index()).map(unescape)).toContain(second.title);
    clock += 1001;
    const titles = titlesIn(await index()).map(unescape);
    expect(titles).not.toContain(second.title);
    expect(titles).toEqual((await home()).slice(0, FIRST_SCREEN_PRODUCTS).map((p) => p.title));
  });

  it('serves index.html as built when the products cannot be read', async () => {
    const source = app.services.firstScreen;
    source.provide(() => Promise.reject(new Error('database away')));
    const res = await get(app.url, '/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(TEMPLATE);
  });
});

describe('index.html with H5_FIRST_SCREEN off', () => {
  const dir = h5Dir();
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ SERVE_H5: 'true', H5_DIR: dir, H5_FIRST_SCREEN: 'false' });
    const hq = await loginHq(app);
    await createProduct(app, hq, { categoryId: await createCategory(app, hq, '关'), title: '不该出现的商品' });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never looks in the build for an API path: a file there cannot shadow the API', async () => {
    fs.mkdirSync(path.join(dir, 'api'));
    fs.writeFileSync(path.join(dir, 'api', 'products'), 'a file, not the API');
    try {
      const res = await app.api.get('/api/products');
      expect(res.status).toBe(200);
      expect(res.body.data.items).toHaveLength(1);
    } finally {
      fs.rmSync(path.join(dir, 'api'), { recursive: true });
    }
  });

  it('is the file as built, revalidated by its date', async () => {
    expect((await app.api.get('/api/products')).body.data.items).toHaveLength(1);
    const res = await get(app.url, '/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(TEMPLATE);
    expect(res.headers['last-modified']).toBeDefined();
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});
