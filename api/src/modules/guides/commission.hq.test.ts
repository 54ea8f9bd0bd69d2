/**
 * HQ's commission reads over HTTP on the real database: a guide's ledger (paged, newest first,
 * with order numbers), the monthly settlement CSV (a Beijing month, Chinese headers, UTF-8 BOM,
 * payable = released − reversed released), the rates list; bad input is 400 naming the field, an
 * unknown guide 404.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { placeOrder } from '../../../test/payments';
import { ok } from '../../../test/shopping';
import { account } from '../hq-accounts/hq-access.test-support';
import { CommissionEntry } from './guides.entities';

describe('HQ commission ledger and settlement export', () => {
  let app: TestApp;
  let hq: string;
  let guideId: number;
  let orders: { orderId: number; orderNo: string }[];
  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    const store = ok(await app.api.post('/api/hq/stores', { name: '静安店', code: 'JA-CSV', city: '上海' }, hq), 201);
    guideId = ok(await app.api.post('/api/hq/guides', { name: '王,芳', wecomUserId: 'wangfang-csv', storeId: store.id }, hq), 201).id;
    orders = [await placeOrder(app, { priceFen: 10_000, hq }), await placeOrder(app, { priceFen: 20_000, hq })];
    const entry = (orderId: number, kind: CommissionEntry['kind'], amountFen: number, at: string) =>
      app.ds.manager.insert(CommissionEntry, { orderId, guideId, eventKey: `${kind}:${at}`, kind, amountFen, createdAt: new Date(at) });
    // Beijing 2026-03-01 00:30 (UTC still February): in March, held, so not payable.
    await entry(orders[1].orderId, 'held', 600, '2026-02-28T16:30:00Z');
    await entry(orders[0].orderId, 'released', 1234, '2026-03-05T02:00:00Z');
    await entry(orders[0].orderId, 'reversed_released', 200, '2026-03-20T02:00:00Z');
    // Beijing 2026-04-01 01:00: April's, not March's.
    await entry(orders[1].orderId, 'released', 600, '2026-03-31T17:00:00Z');
  });
  afterAll(() => app.close());

  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${hq}` } });

  it('streams the Beijing month as a CSV Excel opens: BOM, Chinese headers, yuan, the payable at the end', async () => {
    const res = await get(`/api/hq/guides/${guideId}/commission/settlement?month=2026-03`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('佣金结算-王,芳-2026-03.csv')}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines).toEqual([
      '时间（北京时间）,订单号,类型,佣金变动（元）,计入结算（元）',
      `2026-03-01 00:30:00,${orders[1].orderNo},计提（冻结）,6.00,0.00`,
      `2026-03-05 10:00:00,${orders[0].orderNo},确认收货释放,12.34,12.34`,
      `2026-03-20 10:00:00,${orders[0].orderNo},退款冲回（已释放）,-2.00,-2.00`,
      '2026-03 合计,"王,芳",应结算佣金,,10.34',
      '',
    ]);
    // April holds only the entry that UTC would have put in March.
    const april = Buffer.from(await (await get(`/api/hq/guides/${guideId}/commission/settlement?month=2026-04`)).arrayBuffer()).toString('utf8');
    expect(april).toContain(`2026-04-01 01:00:00,${orders[1].orderNo},确认收货释放,6.00,6.00`);
    expect(april).toContain('2026-04 合计,"王,芳",应结算佣金,,6.00');
  });

  it('refuses a bad month naming it, and an unknown guide with 404, before any CSV', async () => {
    for (const month of ['2026-13', '2026-3', 'x', '']) {
      const res = await app.api.get(`/api/hq/guides/${guideId}/commission/settlement?month=${month}`, hq);
      expect([res.status, res.body.code, res.body.issues?.[0]?.field ?? res.body.field]).toEqual([400, 'VALIDATION_FAILED', 'month']);
    }
    const none = await app.api.get('/api/hq/guides/999999/commission/settlement?month=2026-03', hq);
    expect([none.status, none.body.code]).toEqual([404, 'GUIDE_NOT_FOUND']);
    expect((await app.api.get(`/api/hq/guides/${guideId}/commission/settlement?month=2026-03`)).status).toBe(401);
  });

  it('lists the ledger newest first with order numbers, paged on the server', async () => {
    const first = ok(await app.api.get(`/api/hq/guides/${guideId}/commission/entries?page=1&pageSize=3`, hq));
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3, hasMore: true });
    expect(first.items.map((e: { kind: string }) => e.kind)).toEqual(['released', 'reversed_released', 'released']);
    expect(first.items[0]).toMatchObject({ orderId: orders[1].orderId, orderNo: orders[1].orderNo, amountFen: 600, createdAt: '2026-03-31T17:00:00.000Z' });
    const second = ok(await app.api.get(`/api/hq/guides/${guideId}/commission/entries?page=2&pageSize=3`, hq));
    expect(second.items.map((e: { kind: string }) => e.kind)).toEqual(['held']);
    const bad = await app.api.get(`/api/hq/guides/${guideId}/commission/entries?page=0`, hq);
    expect([bad.status, bad.body.issues?.[0]?.field ?? bad.body.field]).toEqual([400, 'page']);
    expect((await app.api.get('/api/hq/guides/999999/commission/entries', hq)).status).toBe(404);
  });

  it('lists the rates HQ set beside the default', async () => {
    const before = ok(await app.api.get('/api/hq/commission-rates', hq));
    expect(before.defaultBp).toBe(300);
    expect(ok(await app.api.call('PUT', '/api/hq/commission-rates', { body: { scope: 'category', refId: 7, rateBp: 450 }, token: hq }))).toBeNull();
    expect(ok(await app.api.get('/api/hq/commission-rates?scope=category&refId=7', hq))).toMatchObject({ defaultBp: 300, items: [{ scope: 'category', refId: 7, rateBp: 450 }], total: 1 });
  });

  it("gives a store manager their own store's guide ledger, 404 for another store's, and no export", async () => {
    const store = ok(await app.api.post('/api/hq/stores', { name: '徐汇店', code: 'XH-CSV', city: '上海' }, hq), 201);
    const mgr = (await account(app, hq, 'mgr-csv', 'store_manager', store.id)).token;
    const other = await app.api.get(`/api/hq/guides/${guideId}/commission/entries`, mgr);
    expect([other.status, other.body.code]).toEqual([404, 'GUIDE_NOT_FOUND']);
    const own = ok(await app.api.post('/api/hq/guides', { name: '李雷', wecomUserId: 'lilei-csv', storeId: store.id }, hq), 201);
    expect(ok(await app.api.get(`/api/hq/guides/${own.id}/commission/entries`, mgr))).toMatchObject({ total: 0, items: [] });
    expect((await app.api.get(`/api/hq/guides/${own.id}/commission/settlement?month=2026-03`, mgr)).status).toBe(403);
    expect((await app.api.get('/api/hq/members', mgr)).status).toBe(403);
  });
});
