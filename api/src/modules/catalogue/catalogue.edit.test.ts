import { createCategory, createProduct, TEE_SPECS } from '../../../test/fixtures';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { AuditLog } from '../audit/audit.entities';

/** PATCH /api/hq/products/:id with `skus`: the product and its SKU matrix saved as one. */
describe('one atomic product edit', () => {
  let app: TestApp;
  let hq: string;
  let categoryId: number;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    categoryId = await createCategory(app, hq, '编辑测试');
  });
  afterAll(() => app.close());

  /** A tee with three saved SKUs (白M, 黑M, 白L); 黑L is not saved yet. */
  const aTee = () =>
    createProduct(app, hq, {
      categoryId,
      title: '原来的T恤',
      specs: TEE_SPECS,
      skus: [
        { specs: { 颜色: '白色', 尺码: 'M' }, priceFen: 5000, stock: 3 },
        { specs: { 颜色: '黑色', 尺码: 'M' }, priceFen: 5200, stock: 4 },
        { specs: { 颜色: '白色', 尺码: 'L' }, priceFen: 5400, stock: 5 },
      ],
    });
  const read = async (id: number) => (await app.api.get(`/api/hq/products/${id}`, hq)).body.data;

  it('refuses an edit whose 3rd SKU is bad, naming the row, and leaves the product and every SKU as they were', async () => {
    const p = await aTee();
    const other = await aTee();
    const before = await read(p.id);
    const [a, b, c] = p.skus.map((s: { id: number }) => s.id);
    const good = [
      { id: a, priceFen: 4000, originalPriceFen: 6000 },
      { id: b, status: 'off_sale' },
    ];
    const edit = (third: object) => app.api.patch(`/api/hq/products/${p.id}`, { title: '改过的T恤', skus: [...good, third] }, hq);
    const cases: [object, number, string, string][] = [
      [{ id: c, priceFen: 0 }, 400, 'VALIDATION_FAILED', 'skus.2.priceFen'],
      [{ id: c, priceFen: 19.9 }, 400, 'VALIDATION_FAILED', 'skus.2.priceFen'],
      [{ id: c, stock: 99 }, 400, 'VALIDATION_FAILED', 'skus.2.stock'],
      [{ id: c, priceFen: 7000, specs: { 颜色: '白色', 尺码: 'L' } }, 400, 'VALIDATION_FAILED', 'skus.2.specs'],
      [{ specs: { 颜色: '黑色', 尺码: 'L' }, priceFen: 100 }, 400, 'VALIDATION_FAILED', 'skus.2.stock'],
      // Refused by the service, after the product and the first two rows were written.
      [{ id: c, originalPriceFen: 5400 }, 400, 'VALIDATION_FAILED', 'skus.2.originalPriceFen'],
      [{ id: a, priceFen: 100 }, 400, 'VALIDATION_FAILED', 'skus.2.id'],
      [{ id: 987654, priceFen: 100 }, 404, 'SKU_NOT_FOUND', 'skus.2.id'],
      [{ id: other.skus[0].id, priceFen: 100 }, 404, 'SKU_NOT_FOUND', 'skus.2.id'],
      [{ specs: { 尺码: 'M', 颜色: '白色' }, priceFen: 100, stock: 1 }, 409, 'SKU_SPEC_DUPLICATE', 'skus.2.specs'],
      [{ specs: { 颜色: '红色', 尺码: 'L' }, priceFen: 100, stock: 1 }, 400, 'SKU_SPEC_INVALID', 'skus.2.specs'],
    ];
    for (const [third, status, code, field] of cases) {
      const res = await edit(third);
      expect({ third, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ third, status, code, field });
      expect(await read(p.id)).toEqual(before);
    }
    expect(await read(other.id)).toMatchObject({ title: '原来的T恤', skus: other.skus });
  });

  it('saves the product fields, every SKU change and the new combinations together, and logs before and after', async () => {
    const p = await aTee();
    const [a, b, c] = p.skus.map((s: { id: number }) => s.id);
    const res = await app.api.patch(
      `/api/hq/products/${p.id}`,
      {
        title: '改过的T恤',
        skus: [
          { id: a, priceFen: 4000, originalPriceFen: 6000 },
          { id: b, status: 'off_sale' },
          { id: c, priceFen: 5500, originalPriceFen: null },
          { specs: { 颜色: '黑色', 尺码: 'L' }, priceFen: 3900, stock: 7 },
        ],
      },
      hq,
    );
    expect(res.status).toBe(200);
    const after = await read(p.id);
    expect(after).toEqual(res.body.data);
    expect(after).toMatchObject({ title: '改过的T恤', priceFen: 3900 });
    const rows = after.skus.map((s: { id: number; specs: object; priceFen: number; originalPriceFen: number | null; stock: number; status: string }) => [typeof s.id, s.specs, s.priceFen, s.originalPriceFen, s.stock, s.status]);
    expect(rows).toEqual([
      ['number', { 颜色: '白色', 尺码: 'M' }, 4000, 6000, 3, 'on_sale'],
      ['number', { 颜色: '黑色', 尺码: 'M' }, 5200, null, 4, 'off_sale'],
      ['number', { 颜色: '白色', 尺码: 'L' }, 5500, null, 5, 'on_sale'],
      ['number', { 颜色: '黑色', 尺码: 'L' }, 3900, null, 7, 'on_sale'],
    ]);

    const log = await app.ds.getRepository(AuditLog).findOneBy({ objectType: 'products', objectId: String(p.id), action: 'PATCH /api/hq/products/:id' });
    expect(log).not.toBeNull();
    expect(JSON.parse(log!.beforeJson!).skus).toHaveLength(3);
    expect(JSON.parse(log!.afterJson!).skus.map((s: { priceFen: number }) => s.priceFen)).toEqual([4000, 5200, 5500, 3900]);
  });
});
