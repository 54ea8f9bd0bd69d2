/** HQ campaign routes: create (Shanghai times), validation, edit rules, schedule/end with stock carved from the SKU. */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok } from '../../../test/shopping';

let app: TestApp;
let hq: string;

beforeAll(async () => {
  app = await startTestApp();
  hq = await loginHq(app);
});
afterAll(() => app.close());

export const campaignBody = (skuId: number, over: Record<string, unknown> = {}) => ({
  title: '爆款拼团',
  skuId,
  groupPriceFen: 6900,
  groupSize: 3,
  stock: 100,
  startAt: '2026-12-01 10:00',
  endAt: '2026-12-04 10:00',
  groupHours: 24,
  perShopperLimit: 2,
  ...over,
});

describe('HQ campaigns', () => {
  it('creates a draft with Shanghai times stored as UTC, and lists it with sold / held / left', async () => {
    const sku = await createSku(app, hq, 9900, 150);
    const c = ok(await app.api.post('/api/hq/groupbuy/campaigns', campaignBody(sku.skuId), hq), 201);
    expect(c).toMatchObject({ status: 'draft', startAt: '2026-12-01T02:00:00.000Z', endAt: '2026-12-04T02:00:00.000Z', groupPriceFen: 6900, soloPriceFen: 9900, stockTotal: 100, sold: 0, held: 0, left: 100 });
    const list = ok(await app.api.get('/api/hq/groupbuy/campaigns', hq));
    expect(list.items.map((x: { id: number }) => x.id)).toContain(c.id);
  });

  it.each([
    ['startAt', { startAt: '2026-12-01T10:00' }],
    ['startAt', { startAt: '2026-02-30 10:00' }],
    ['groupSize', { groupSize: 11 }],
    ['groupSize', { groupSize: 1 }],
    ['stock', { stock: 100_001 }],
    ['skuId', { skuId: '6' }],
    ['skuId', { skuId: true }],
    ['perShopperLimit', { perShopperLimit: 0 }],
    ['groupPriceFen', { groupPriceFen: 12.5 }],
  ])('refuses a bad %s with 400 naming it', async (field, over) => {
    const sku = await createSku(app, hq, 9900, 10);
    const res = await app.api.post('/api/hq/groupbuy/campaigns', campaignBody(sku.skuId, over), hq);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
  });

  it('refuses an empty window, a group price not under the SKU price, and an unknown SKU', async () => {
    const sku = await createSku(app, hq, 9900, 10);
    const window = await app.api.post('/api/hq/groupbuy/campaigns', campaignBody(sku.skuId, { endAt: '2026-12-01 10:00' }), hq);
    expect([window.status, window.body.code]).toEqual([400, 'GROUPBUY_WINDOW_INVALID']);
    const price = await app.api.post('/api/hq/groupbuy/campaigns', campaignBody(sku.skuId, { groupPriceFen: 9900 }), hq);
    expect([price.status, price.body.code]).toEqual([400, 'GROUPBUY_PRICE_INVALID']);
    const missing = await app.api.post('/api/hq/groupbuy/campaigns', campaignBody(999_999), hq);
    expect([missing.status, missing.body.code]).toEqual([404, 'SKU_NOT_FOUND']);
  });

  it('answers 404 for a campaign that does not exist, and 403 to a shopper token', async () => {
    expect((await app.api.get('/api/hq/groupbuy/campaigns/999999', hq)).status).toBe(404);
    expect((await app.api.get('/api/hq/groupbuy/campaigns/1e3', hq)).status).toBe(400);
  });

  it('schedules: the campaign stock leaves the SKU; cannot schedule beyond the SKU stock', async () => {
    const sku = await createSku(app, hq, 9900, 150);
    const c = ok(await app.api.post('/api/hq/groupbuy/campaigns', campaignBody(sku.skuId), hq), 201);
    ok(await app.api.post(`/api/hq/groupbuy/campaigns/${c.id}/schedule`, {}, hq));
    expect(await skuStock(sku.productId)).toBe(50);
    const again = await app.api.post(`/api/hq/groupbuy/campaigns/${c.id}/schedule`, {}, hq);
    expect([again.status, again.body.code]).toEqual([409, 'GROUPBUY_CAMPAIGN_STATE']);
    const big = ok(await app.api.post('/api/hq/groupbuy/campaigns', campaignBody(sku.skuId, { stock: 51 }), hq), 201);
    const short = await app.api.post(`/api/hq/groupbuy/campaigns/${big.id}/schedule`, {}, hq);
    expect([short.status, short.body.code]).toEqual([409, 'GROUPBUY_SKU_STOCK_SHORT']);
    expect(await skuStock(sku.productId)).toBe(50);
  });

  it('edits a scheduled campaign: stock changes move units with the SKU, price is fixed, never below what is taken', async () => {
    const sku = await createSku(app, hq, 9900, 150);
    const c = ok(await app.api.post('/api/hq/groupbuy/campaigns', campaignBody(sku.skuId), hq), 201);
    ok(await app.api.post(`/api/hq/groupbuy/campaigns/${c.id}/schedule`, {}, hq));
    const grown = ok(await app.api.patch(`/api/hq/groupbuy/campaigns/${c.id}`, { stockDelta: 20 }, hq));
    expect(grown).toMatchObject({ stockTotal: 120, left: 120 });
    expect(await skuStock(sku.productId)).toBe(30);
    const price = await app.api.patch(`/api/hq/groupbuy/campaigns/${c.id}`, { groupPriceFen: 5000 }, hq);
    expect([price.status, price.body.code, price.body.field]).toEqual([409, 'GROUPBUY_CAMPAIGN_STATE', 'groupPriceFen']);
    const below = await app.api.patch(`/api/hq/groupbuy/campaigns/${c.id}`, { stockDelta: -121 }, hq);
    expect([below.status, below.body.code]).toEqual([409, 'GROUPBUY_STOCK_BELOW_COMMITTED']);
    expect(await skuStock(sku.productId)).toBe(30);
  });

  it('ends early: the campaign is ended and its units go back to the SKU when the job runs', async () => {
    const sku = await createSku(app, hq, 9900, 150);
    const c = ok(await app.api.post('/api/hq/groupbuy/campaigns', campaignBody(sku.skuId), hq), 201);
    ok(await app.api.post(`/api/hq/groupbuy/campaigns/${c.id}/schedule`, {}, hq));
    const ended = ok(await app.api.post(`/api/hq/groupbuy/campaigns/${c.id}/end`, {}, hq));
    expect(ended.status).toBe('ended');
    await app.services.groupBuy.jobs.runOnce();
    expect(await skuStock(sku.productId)).toBe(150);
    const after = ok(await app.api.get(`/api/hq/groupbuy/campaigns/${c.id}`, hq));
    expect(after).toMatchObject({ stockTotal: 0, sold: 0, held: 0, left: 0 });
    const twice = await app.api.post(`/api/hq/groupbuy/campaigns/${c.id}/end`, {}, hq);
    expect(twice.status).toBe(409);
  });
});

async function skuStock(productId: number): Promise<number> {
  const p = ok(await app.api.get(`/api/hq/products/${productId}`, hq));
  return p.skus[0].stock;
}
