/**
 * 操作日志 through the API: a product edit records its before and after; the search filters by
 * operator, object, action and Beijing date range, pages on the server, and is the owner's only.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok } from '../../../test/shopping';
import { account } from '../hq-accounts/hq-access.test-support';

describe('audit log', () => {
  let app: TestApp;
  let owner: string;
  beforeAll(async () => {
    app = await startTestApp();
    owner = await loginHq(app);
  });
  afterAll(() => app.close());

  it("records a product edit's before and after, and who made it", async () => {
    const op = await account(app, owner, 'op7', 'operator');
    const sku = await createSku(app, owner, 1990, 5);
    const before = ok(await app.api.get(`/api/hq/products/${sku.productId}`, owner));
    ok(await app.api.patch(`/api/hq/products/${sku.productId}`, { title: '改过的标题' }, op.token));
    const page = ok(await app.api.get(`/api/hq/audit?objectType=products&objectId=${sku.productId}&action=${encodeURIComponent('PATCH /api/hq/products/:id')}`, owner));
    expect(page.total).toBe(1);
    const [row] = page.items;
    expect(row).toMatchObject({ adminId: op.id, username: 'op7', role: 'operator', objectType: 'products', objectId: String(sku.productId) });
    expect(row.before.title).toBe(before.title);
    expect(row.after.title).toBe('改过的标题');
    expect(row.requestId).toMatch(/\S{8,}/);
  });

  it('filters by operator and Beijing dates, pages on the server, and is for the owner only', async () => {
    const all = ok(await app.api.get('/api/hq/audit?pageSize=50', owner));
    expect(all.total).toBeGreaterThanOrEqual(4);
    const byOp = ok(await app.api.get('/api/hq/audit?username=op7', owner));
    expect(byOp.items.every((r: { username: string }) => r.username === 'op7')).toBe(true);
    expect(byOp.total).toBe(1);
    const paged = ok(await app.api.get('/api/hq/audit?pageSize=2&page=2', owner));
    expect([paged.items.length, paged.page, paged.total]).toEqual([2, 2, all.total]);
    expect(paged.items[0].id).toBe(all.items[2].id);

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
    expect(ok(await app.api.get(`/api/hq/audit?from=${today}&to=${today}`, owner)).total).toBe(all.total);
    expect(ok(await app.api.get(`/api/hq/audit?from=${tomorrow}`, owner)).total).toBe(0);
    const bad = await app.api.get(`/api/hq/audit?from=${tomorrow}&to=${today}`, owner);
    expect([bad.status, bad.body.field]).toEqual([400, 'to']);

    const fin = await account(app, owner, 'fin7', 'finance');
    expect((await app.api.get('/api/hq/audit', fin.token)).status).toBe(403);
  });
});
