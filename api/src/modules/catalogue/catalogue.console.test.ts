/**
 * The catalogue routes the HQ console added: picture upload (type by content, size limit, served
 * back), 轮播图 management, a SKU's stock history, and the HQ list's status. Bad input is a 400
 * naming the field (413/415 for a picture) and writes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_IMAGE_BYTES } from '@common/catalogue/image-type';
import { createCategory, createProduct } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { Banner } from './catalogue.entities';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');

describe('catalogue routes of the HQ console', () => {
  let app: TestApp;
  let hq: string;
  let dataDir: string;
  const upload = (body: Buffer | string, type: string, token: string | null = hq) =>
    fetch(`${app.url}/api/hq/uploads/images`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) } }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const storedFiles = () => (fs.existsSync(path.join(dataDir, 'uploads/images')) ? fs.readdirSync(path.join(dataDir, 'uploads/images')) : []);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopmall-uploads-'));
    app = await startTestApp({ DATA_DIR: dataDir });
    hq = await loginHq(app);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a picture under the data directory and serves it back by its content name, cached for good', async () => {
    const res = await upload(PNG, 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.data.url).toMatch(/^\/uploads\/images\/[0-9a-f]{64}\.png$/);
    expect(storedFiles()).toEqual([res.body.data.url.split('/').pop()]);
    const served = await fetch(app.url + res.body.data.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    // The same picture again is the same file; and the URL is accepted as a product picture.
    expect((await upload(PNG, 'image/png')).body.data.url).toBe(res.body.data.url);
    expect(storedFiles()).toHaveLength(1);
    const categoryId = await createCategory(app, hq);
    const p = await app.api.post('/api/hq/products', { categoryId, title: '上传图片商品', images: [res.body.data.url], skus: [{ specs: {}, priceFen: 100, stock: 1 }] }, hq);
    expect(p.status).toBe(201);
  });

  it('refuses what is not a PNG, JPEG or WebP by its bytes (415), too big (413), empty (400), and stores nothing', async () => {
    const before = storedFiles().length;
    const gif = await upload(Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/png');
    expect([gif.status, gif.body.code]).toEqual([415, 'IMAGE_TYPE_UNSUPPORTED']);
    const html = await upload('<html><script>alert(1)</script></html>', 'image/jpeg');
    expect([html.status, html.body.code]).toEqual([415, 'IMAGE_TYPE_UNSUPPORTED']);
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]), 'image/png');
    expect([big.status, big.body.code]).toEqual([413, 'IMAGE_TOO_LARGE']);
    const empty = await upload(Buffer.alloc(0), 'image/png');
    expect([empty.status, empty.body.code, empty.body.field]).toEqual([400, 'IMAGE_EMPTY', 'body']);
    expect((await upload(PNG, 'image/png', null)).status).toBe(401);
    expect(storedFiles()).toHaveLength(before);
    // A name that is not a stored picture is simply not there.
    expect((await fetch(`${app.url}/uploads/images/${'0'.repeat(64)}.png`)).status).toBe(404);
    expect((await fetch(`${app.url}/uploads/images/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('manages 轮播图: hidden ones stay out of 首页, order by sort', async () => {
    const a = await app.api.post('/api/hq/banners', { title: '冬季上新', image: '/assets/banners/a.svg', sort: 20 }, hq);
    expect(a.status).toBe(201);
    const b = await app.api.post('/api/hq/banners', { title: '会员日', image: '/assets/banners/b.svg', sort: 10, active: false }, hq);
    expect(b.body.data).toMatchObject({ title: '会员日', active: false, sort: 10, productId: null });
    const list = await app.api.get('/api/hq/banners', hq);
    expect(list.body.data.items.map((x: { title: string }) => x.title)).toEqual(['会员日', '冬季上新']);
    expect((await app.api.get('/api/home')).body.data.banners.map((x: { title: string }) => x.title)).toEqual(['冬季上新']);
    const shown = await app.api.patch(`/api/hq/banners/${b.body.data.id}`, { active: true }, hq);
    expect(shown.body.data.active).toBe(true);
    expect((await app.api.patch('/api/hq/banners/999999', { active: true }, hq)).status).toBe(404);
  });

  it('refuses bad banners with 400 naming the field and writes nothing', async () => {
    const before = await app.ds.getRepository(Banner).count();
    const cases: [unknown, string][] = [
      [{ title: '', image: '/assets/banners/a.svg' }, 'title'],
      [{ title: '坏图', image: 'javascript:alert(1)' }, 'image'],
      [{ title: '坏商品', image: '/assets/banners/a.svg', productId: 987654 }, 'productId'],
      [{ title: '坏排序', image: '/assets/banners/a.svg', sort: -1 }, 'sort'],
      [{ title: '多字段', image: '/assets/banners/a.svg', link: 'x' }, 'link'],
    ];
    for (const [body, field] of cases) {
      const res = await app.api.post('/api/hq/banners', body, hq);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field });
    }
    expect(await app.ds.getRepository(Banner).count()).toBe(before);
  });

  it('lists a SKU’s stock history newest first, paged; the HQ list says each product’s status', async () => {
    const categoryId = await createCategory(app, hq);
    const p = await createProduct(app, hq, { categoryId, status: 'draft', skus: [{ specs: {}, priceFen: 500, stock: 10 }] });
    const skuId = p.skus[0].id;
    for (const [delta, reason] of [[5, '采购入库'], [-3, '报损'], [2, '盘点盈亏']] as const) {
      expect((await app.api.post(`/api/hq/skus/${skuId}/stock-adjustments`, { delta, reason }, hq)).status).toBe(201);
    }
    const page1 = await app.api.get(`/api/hq/skus/${skuId}/stock-adjustments?page=1&pageSize=2`, hq);
    expect(page1.body.data).toMatchObject({ total: 3, hasMore: true });
    expect(page1.body.data.items.map((m: { delta: number; stockAfter: number; reason: string }) => [m.delta, m.stockAfter, m.reason])).toEqual([
      [2, 14, '盘点盈亏'],
      [-3, 12, '报损'],
    ]);
    expect((await app.api.get('/api/hq/skus/999999/stock-adjustments', hq)).status).toBe(404);
    expect((await app.api.get(`/api/hq/skus/${skuId}/stock-adjustments?pageSize=0`, hq)).body.field).toBe('pageSize');
    const list = await app.api.get(`/api/hq/products?categoryId=${categoryId}`, hq);
    expect(list.body.data.items[0]).toMatchObject({ id: p.id, status: 'draft' });
  });
});
