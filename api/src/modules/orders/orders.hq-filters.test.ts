/**
 * HQ's order list filters (status, kind, order number, receiver's phone, Beijing date range) and
 * the order's state log, as the console uses them; bad filters are a 400 naming the field.
 */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { placeOrder } from '../../../test/payments';
import { anAddress, createSku, ok } from '../../../test/shopping';

describe('HQ order list filters', () => {
  let app: TestApp;
  let hq: string;
  // 2026-12-01 23:30 Beijing = 15:30 UTC: the order belongs to the 1st in Beijing, not the 2nd.
  let clock = new Date('2026-12-01T15:30:00Z');
  beforeAll(async () => {
    app = await startTestApp({}, { now: () => clock });
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  const list = async (query: string) => ok(await app.api.get(`/api/hq/orders?pageSize=50&${query}`, hq)) as { items: { id: number; orderNo: string }[]; total: number };
  const ids = async (query: string) => (await list(query)).items.map((o) => o.id);

  it('filters by order number, receiver phone, status, kind and Beijing days, newest first', async () => {
    const a = await placeOrder(app, { hq });
    clock = new Date('2026-12-01T16:30:00Z'); // 00:30 on the 2nd in Beijing
    const shopper = await loginShopper(app);
    const sku = await createSku(app, hq, 1500, 10);
    const address = ok(await app.api.post('/api/addresses', anAddress({ phone: '13912345678', isDefault: true }), shopper.token), 201);
    const b = ok(await app.api.post('/api/orders', { lines: [{ skuId: sku.skuId, quantity: 1 }], addressId: address.id }, shopper.token), 201);
    ok(await app.api.post(`/api/orders/${b.id}/cancel`, {}, shopper.token));

    expect(await ids(`orderNo=${a.orderNo}`)).toEqual([a.orderId]);
    expect(await ids('phone=13912345678')).toEqual([b.id]);
    expect(await ids('status=cancelled&phone=13912345678')).toEqual([b.id]);
    expect(await ids('status=pending_payment&phone=13912345678')).toEqual([]);
    expect(await ids('from=2026-12-01&to=2026-12-01')).toEqual([a.orderId]);
    expect(await ids('from=2026-12-02')).toEqual([b.id]);
    expect(await ids('kind=normal&from=2026-12-01&to=2026-12-02')).toEqual([b.id, a.orderId]);
    expect(await ids('kind=group_seat')).toEqual([]);

    const log = ok(await app.api.get(`/api/hq/orders/${b.id}/state-log`, hq));
    expect(log.map((e: { fromStatus: string; toStatus: string }) => [e.fromStatus, e.toStatus])).toEqual([['pending_payment', 'cancelled']]);
    expect((await app.api.get('/api/hq/orders/999999/state-log', hq)).status).toBe(404);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['phone=abc', 'phone'],
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-12-02&to=2026-12-01', 'to'],
      ['kind=gift', 'kind'],
      ['status=lost', 'status'],
    ];
    for (const [query, field] of cases) {
      const res = await app.api.get(`/api/hq/orders?${query}`, hq);
      expect({ query, status: res.status, field: res.body.field }).toEqual({ query, status: 400, field });
    }
  });
});
