/**
 * 编辑商品 in Chromium: an edit is one PATCH carrying the fields and every SKU matrix row. A row the
 * API refuses (a combination another operator saved meanwhile) is marked on its row and nothing is
 * saved; after a reload the same kind of edit saves everything at once.
 * Needs dist/console (npm run build:console; npm test does).
 */
import type { ProductDetailDto } from '@common/catalogue/types';
import { loginHq } from '../../test/harness';
import { withConsole } from './console-session';

const session = withConsole({});

test('an edit saves the product and its SKUs with one request, all or nothing', async () => {
  const { app, page } = session;
  const hq = await loginHq(app);
  const categoryId = (await app.api.post('/api/hq/categories', { name: '编辑分类' }, hq)).body.data.id;
  const created = await app.api.post(
    '/api/hq/products',
    {
      categoryId,
      title: '原来的T恤',
      images: ['/assets/products/x.svg'],
      specs: [{ name: '颜色', values: ['白色', '黑色'] }],
      skus: [
        { specs: { 颜色: '白色' }, priceFen: 5000, stock: 3 },
        { specs: { 颜色: '黑色' }, priceFen: 5200, stock: 4 },
      ],
    },
    hq,
  );
  expect(created.status).toBe(201);
  const id = created.body.data.id as number;
  const read = async () => (await app.api.get(`/api/hq/products/${id}`, hq)).body.data as ProductDetailDto;
  const rows = (p: ProductDetailDto) => p.skus.map((s) => [s.specs.颜色, s.priceFen, s.stock]);
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && r.url().includes('/api/hq/')) writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });

  await page.goto(`${app.url}/hq/#/products/${id}`);
  await page.getByText(`编辑商品 #${id}`).waitFor();
  await page.locator('#product-title').fill('改过的T恤');
  await page.getByLabel('售价').nth(0).fill('49');
  await page.locator('#specs_0_values').fill('红色,');
  await page.getByLabel('售价').nth(2).fill('45');
  await page.getByLabel('库存').nth(0).fill('6');
  // Meanwhile another operator adds 红色 through the API.
  expect((await app.api.patch(`/api/hq/products/${id}`, { specs: [{ name: '颜色', values: ['白色', '黑色', '红色'] }] }, hq)).status).toBe(200);
  expect((await app.api.post(`/api/hq/products/${id}/skus`, { specs: { 颜色: '红色' }, priceFen: 6000, stock: 1 }, hq)).status).toBe(201);
  await page.locator('#product-save').click();
  // The refusal is on the 红色 row, and neither the title nor 白色's price was saved.
  await page.locator('.ant-table-row').nth(2).getByText('规格组合「红色」已存在').waitFor();
  const refused = await read();
  expect(refused.title).toBe('原来的T恤');
  expect(rows(refused)).toEqual([
    ['白色', 5000, 3],
    ['黑色', 5200, 4],
    ['红色', 6000, 1],
  ]);

  // Reloaded, the 红色 row is the saved one: title and both prices change together.
  await page.reload();
  await page.getByText(`编辑商品 #${id}`).waitFor();
  await page.locator('#product-title').fill('改过的T恤');
  await page.getByLabel('售价').nth(0).fill('49');
  await page.getByLabel('售价').nth(2).fill('45');
  await page.locator('#product-save').click();
  await page.getByText('已保存').waitFor();
  const saved = await read();
  expect(saved.title).toBe('改过的T恤');
  expect(rows(saved)).toEqual([
    ['白色', 4900, 3],
    ['黑色', 5200, 4],
    ['红色', 4500, 1],
  ]);
  expect(writes).toEqual([`PATCH /api/hq/products/${id}`, `PATCH /api/hq/products/${id}`]);
});
