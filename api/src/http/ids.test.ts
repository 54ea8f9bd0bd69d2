/**
 * Ids are validated, not coerced: in paths and queries only plain decimal digits, in JSON bodies
 * only JSON integers, each in 1..2147483647. Every other form is a 400 VALIDATION_FAILED naming
 * the field, and nothing is written.
 */
import { loginHq, loginShopper, startTestApp, type ApiResult, type TestApp } from '../../test/harness';
import { addressesOf, anAddress, cartOf, createSku, ok, type SkuFixture } from '../../test/shopping';

/** Forms a path or query id must not be read as (most of them used to be read as 1). */
const BAD_TEXT_IDS = ['0x1', '+1', '1e0', '1.0', '%201', '1%20', '01', '0', '-1', '2147483648', '99999999999999999999', '1abc', 'true', '%EF%BC%91', '1%00'];
/** Forms a JSON body id must not be read as. */
const BAD_BODY_IDS: unknown[] = [true, [2], '3', [[[4]]], '0x6', '1', 1.5, 0, -1, 2_147_483_648, null, {}, 1e100];

describe('ids: validated, never coerced', () => {
  let app: TestApp;
  let hq: string;
  let shopper: string;
  let sku: SkuFixture;
  let categoryId: number;
  let addressId: number;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    shopper = (await loginShopper(app)).token;
    sku = await createSku(app, hq, 990, 5);
    categoryId = ok(await app.api.get(`/api/hq/products/${sku.productId}`, hq)).categoryId;
    addressId = ok(await addressesOf(app, shopper).create(anAddress()), 201).id;
  });
  afterAll(() => app.close());

  const refused = (res: ApiResult) => [res.status, res.body.code, res.body.field];
  const REFUSED = (field: string) => [400, 'VALIDATION_FAILED', field];

  const pathRoutes = () => [
    { method: 'GET', path: (id: string) => `/api/products/${id}`, token: undefined, body: undefined },
    { method: 'GET', path: (id: string) => `/api/orders/${id}`, token: shopper, body: undefined },
    { method: 'DELETE', path: (id: string) => `/api/cart/items/${id}`, token: shopper, body: undefined },
    { method: 'PATCH', path: (id: string) => `/api/hq/categories/${id}`, token: hq, body: { sort: 5 } },
    { method: 'POST', path: (id: string) => `/api/hq/outbox/deliveries/${id}/retry`, token: hq, body: undefined },
  ];

  it.each(BAD_TEXT_IDS)('refuses the path id %j on every kind of route', async (bad) => {
    for (const r of pathRoutes()) {
      const res = await app.api.call(r.method, r.path(bad), { token: r.token, body: r.body });
      expect([r.path(bad), ...refused(res)]).toEqual([r.path(bad), ...REFUSED('id')]);
    }
  });

  it.each(BAD_TEXT_IDS.concat(['']))('refuses the query value %j for ids and page numbers', async (bad) => {
    for (const [path, field, token] of [
      [`/api/products?categoryId=${bad}`, 'categoryId', undefined],
      [`/api/products?page=${bad}`, 'page', undefined],
      [`/api/hq/products?pageSize=${bad}`, 'pageSize', hq],
      [`/api/orders?page=${bad}`, 'page', shopper],
      [`/api/hq/orders?pageSize=${bad}`, 'pageSize', hq],
    ] as const) {
      const res = await app.api.call('GET', path, { token });
      expect([path, ...refused(res)]).toEqual([path, ...REFUSED(field)]);
    }
  });

  it('refuses a repeated or bracketed id in a query', async () => {
    for (const q of [`categoryId=${categoryId}&categoryId=${categoryId}`]) {
      expect(refused(await app.api.get(`/api/products?${q}`))).toEqual(REFUSED('categoryId'));
    }
  });

  it.each(BAD_BODY_IDS.map((v) => [JSON.stringify(v), v]))('refuses the body id %s, and writes nothing', async (_label, bad) => {
    const cases: [string, string, unknown, string, string][] = [
      ['POST', '/api/cart/items', { skuId: bad, quantity: 1 }, shopper, 'skuId'],
      ['POST', '/api/orders', { lines: [{ skuId: bad, quantity: 1 }], addressId }, shopper, 'lines.0.skuId'],
      ['POST', '/api/orders', { lines: [{ skuId: sku.skuId, quantity: 1 }], addressId: bad }, shopper, 'addressId'],
      ['POST', '/api/checkout/preview', { lines: [{ skuId: bad, quantity: 1 }] }, shopper, 'lines.0.skuId'],
      ['PATCH', `/api/hq/products/${sku.productId}`, { categoryId: bad }, hq, 'categoryId'],
      [
        'POST',
        '/api/hq/products',
        { categoryId: bad, title: '坏分类商品', images: ['/assets/products/test.svg'], skus: [{ specs: {}, priceFen: 100, stock: 1 }] },
        hq,
        'categoryId',
      ],
    ];
    for (const [method, path, body, token, field] of cases) {
      const res = await app.api.call(method, path, { body, token });
      expect([method, path, ...refused(res)]).toEqual([method, path, ...REFUSED(field)]);
    }
    expect(ok(await cartOf(app, shopper).get()).items ?? []).toHaveLength(0);
    expect(ok(await app.api.get(`/api/hq/products/${sku.productId}`, hq)).categoryId).toBe(categoryId);
  });

  it('accepts the plain forms', async () => {
    expect((await app.api.get(`/api/products/${sku.productId}`)).status).toBe(200);
    const page = ok(await app.api.get(`/api/products?categoryId=${categoryId}&page=1&pageSize=500`));
    expect([page.items.length, page.pageSize]).toEqual([1, 50]);
    const added = await cartOf(app, shopper).add(sku.skuId, 1);
    expect(added.status).toBeLessThan(300);
    expect(ok(await cartOf(app, shopper).get()).items).toHaveLength(1);
  });

  it('still documents ids and page numbers as integers', async () => {
    const doc = (await app.api.get('/openapi.json')).body as any;
    expect(doc.paths['/api/products/{id}'].get.parameters[0].schema).toEqual({ type: 'integer', minimum: 1, maximum: 2_147_483_647 });
    const query = Object.fromEntries(doc.paths['/api/products'].get.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]));
    expect(query.categoryId).toMatchObject({ type: 'integer', minimum: 1 });
    expect(query.page).toMatchObject({ type: 'integer', minimum: 1, maximum: 10_000, default: 1 });
    expect(doc.paths['/api/cart/items'].post.requestBody.content['application/json'].schema.properties.skuId).toMatchObject({ type: 'integer', minimum: 1 });
  });
});
