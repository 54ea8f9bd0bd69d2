/**
 * 门店自提 end to end through the API: a pickup order (no freight, no address, a code, the store),
 * 核销 by code (once, also under a race), cancel and refund of pickup orders, the store scope of
 * codes, and the store list nearest first.
 */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { createSku, ok } from '../../../test/shopping';
import { account } from '../hq-accounts/hq-access.test-support';
import { markPaid, stateLog } from '../orders/orders.test-support';
import { pickupOrder, pickupRow, pickupStore } from './pickup.test-support';

describe('门店自提', () => {
  let app: TestApp;
  let hq: string;
  let storeA: { id: number; name: string };
  let storeB: { id: number; name: string };
  let managerA: string;
  let skuId: number;

  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    storeA = await pickupStore(app, hq, { name: '静安自提店', lat: 31.2243, lng: 121.4456 });
    storeB = await pickupStore(app, hq, { name: '湖滨自提店', lat: 30.2592, lng: 120.1303 });
    managerA = (await account(app, hq, 'pickup-mgr-a', 'store_manager', storeA.id)).token;
    // ¥25.90: below the free-shipping threshold, so a delivered order would pay freight.
    skuId = (await createSku(app, hq, 2590, 100)).skuId;
  });
  afterAll(() => app.close());

  /** A paid (待自提) pickup order of a new shopper at `storeId`. */
  const readyOrder = async (storeId = storeA.id) => {
    const shopper = await loginShopper(app);
    const order = ok(await pickupOrder(app, shopper.token, skuId, storeId), 201);
    await markPaid(app, order.id);
    return { shopper, order, code: (await pickupRow(app, order.id)).code };
  };
  const collect = (token: string, body: Record<string, unknown>) => app.api.post('/api/hq/pickup/collect', body, token);

  it('a pickup order has no freight and no address, is attributed to its store, and gets a code once paid', async () => {
    const shopper = await loginShopper(app);
    const preview = ok(await app.api.post('/api/checkout/preview', { lines: [{ skuId, quantity: 1 }], pickupStoreId: storeA.id }, shopper.token));
    expect(preview).toMatchObject({ kind: 'pickup', freightFen: 0, payableFen: 2590, notes: { pickup: { storeId: storeA.id, name: '静安自提店' } } });
    // The same goods delivered pay freight: the zero above is the pickup's doing.
    expect(ok(await app.api.post('/api/checkout/preview', { lines: [{ skuId, quantity: 1 }] }, shopper.token)).freightFen).toBeGreaterThan(0);

    const order = ok(await pickupOrder(app, shopper.token, skuId, storeA.id), 201);
    expect(order).toMatchObject({ kind: 'pickup', status: 'pending_payment', freightFen: 0, payableFen: 2590, address: null });
    const [stored] = await app.ds.query('SELECT address, receiver_phone FROM shop_order WHERE id = ?', [order.id]);
    expect([stored.address, stored.receiver_phone]).toEqual([null, null]);
    const row = await pickupRow(app, order.id);
    expect(row).toMatchObject({ state: 'awaiting_payment', store_id: storeA.id });
    expect(row.code).toMatch(/^\d{8}$/);
    // Unpaid: the shopper is not shown the code yet.
    expect(ok(await app.api.get(`/api/pickup/orders/${order.id}`, shopper.token))).toMatchObject({ state: 'awaiting_payment', code: null, store: { name: '静安自提店' } });

    await markPaid(app, order.id);
    expect(ok(await app.api.get(`/api/orders/${order.id}`, shopper.token)).status).toBe('pickup_ready');
    expect(ok(await app.api.get(`/api/pickup/orders/${order.id}`, shopper.token))).toMatchObject({ state: 'ready', code: row.code, store: { address: expect.stringContaining('南京西路') } });
    // Someone else's order is a 404.
    const stranger = await loginShopper(app);
    expect((await app.api.get(`/api/pickup/orders/${order.id}`, stranger.token)).status).toBe(404);
  });

  it('refuses a pickup with an address, a store that takes no pickups, and a delivery without an address (400/404 naming the field)', async () => {
    const shopper = await loginShopper(app);
    const withAddress = await pickupOrder(app, shopper.token, skuId, storeA.id, { addressId: 1 });
    expect([withAddress.status, withAddress.body.issues?.[0]?.field]).toEqual([400, 'addressId']);
    const closed = await pickupStore(app, hq, { enabled: false });
    for (const storeId of [closed.id, 987654]) {
      const res = await pickupOrder(app, shopper.token, skuId, storeId);
      expect([res.status, res.body.code, res.body.issues?.[0]?.field]).toEqual([404, 'PICKUP_STORE_NOT_FOUND', 'pickupStoreId']);
    }
    const noAddress = await app.api.post('/api/orders', { lines: [{ skuId, quantity: 1 }] }, shopper.token);
    expect([noAddress.status, noAddress.body.issues?.[0]?.field]).toEqual([400, 'addressId']);
    expect(Number((await app.ds.query('SELECT COUNT(*) AS n FROM shop_order WHERE member_id = ?', [shopper.memberId]))[0].n)).toBe(0);
  });

  it('collecting by code completes the order (已自提); a second collect is a 409 and changes nothing', async () => {
    const { shopper, order, code } = await readyOrder();
    const seen = ok(await app.api.get(`/api/hq/pickup/lookup?code=${code}`, managerA));
    expect(seen).toMatchObject({ orderId: order.id, state: 'ready', memberId: shopper.memberId, payFen: 2590, lines: [{ quantity: 1 }] });

    const done = ok(await collect(managerA, { code }));
    expect(done).toMatchObject({ orderId: order.id, state: 'collected', collectedAt: expect.any(String) });
    const detail = ok(await app.api.get(`/api/orders/${order.id}`, shopper.token));
    expect(detail).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect(await stateLog(app, order.id)).toEqual(['pending_payment>pickup_ready', 'pickup_ready>completed']);
    expect(await pickupRow(app, order.id)).toMatchObject({ state: 'collected', open_code: null, collected_by: 'pickup:hq:pickup-mgr-a' });
    const completed = await app.ds.query("SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'OrderCompleted' AND aggregate_id = ?", [String(order.id)]);
    expect(Number(completed[0].n)).toBe(1);

    const again = await collect(managerA, { code });
    expect([again.status, again.body.code]).toEqual([409, 'PICKUP_ALREADY_COLLECTED']);
    // The shopper cannot 确认收货 a pickup order themselves.
    const { shopper: s2, order: o2 } = await readyOrder();
    expect((await app.api.post(`/api/orders/${o2.id}/confirm-receipt`, {}, s2.token)).status).toBe(409);
  });

  it('10 counters collecting one code at once: exactly one wins, the rest get 409', async () => {
    const { order, code } = await readyOrder();
    const results = await Promise.all(Array.from({ length: 10 }, () => collect(hq, { code, storeId: storeA.id })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(9).fill('409 PICKUP_ALREADY_COLLECTED'));
    expect(await stateLog(app, order.id)).toEqual(['pending_payment>pickup_ready', 'pickup_ready>completed']);
  });

  it("another store's code is a 404 to a store manager, naming their store or not; HQ must name the store", async () => {
    const { order, code } = await readyOrder(storeB.id);
    for (const res of [await collect(managerA, { code }), await collect(managerA, { code, storeId: storeB.id }), await app.api.get(`/api/hq/pickup/lookup?code=${code}`, managerA)]) {
      expect([res.status, res.body.code, res.body.data ?? null]).toEqual([404, 'PICKUP_NOT_FOUND', null]);
    }
    const noStore = await collect(hq, { code });
    expect([noStore.status, noStore.body.issues?.[0]?.field]).toEqual([400, 'storeId']);
    expect((await collect(hq, { code, storeId: storeA.id })).status).toBe(404);
    expect((await collect(hq, { code: '12ab', storeId: storeB.id })).status).toBe(400);
    expect(await pickupRow(app, order.id)).toMatchObject({ state: 'ready' });
    expect(ok(await collect(hq, { code, storeId: storeB.id })).state).toBe('collected');
  });

  it('an unpaid pickup order is cancelled like any other (code closed); it cannot be collected', async () => {
    const shopper = await loginShopper(app);
    const order = ok(await pickupOrder(app, shopper.token, skuId, storeA.id), 201);
    const { code } = await pickupRow(app, order.id);
    const early = await collect(managerA, { code });
    expect([early.status, early.body.code]).toEqual([409, 'PICKUP_NOT_READY']);
    expect(ok(await app.api.post(`/api/orders/${order.id}/cancel`, {}, shopper.token)).status).toBe('cancelled');
    expect(await pickupRow(app, order.id)).toMatchObject({ state: 'closed', open_code: null });
    expect((await collect(managerA, { code })).status).toBe(409);
  });

  it('a ready pickup order is refunded as a paid one: on hold while the refund runs, closed when it succeeds', async () => {
    const { shopper, order, code } = await readyOrder();
    const refund = ok(await app.api.post(`/api/orders/${order.id}/refunds`, { reason: '不想要了' }, shopper.token), 201);
    expect(await pickupRow(app, order.id)).toMatchObject({ state: 'on_hold' });
    const held = await collect(managerA, { code });
    expect([held.status, held.body.code]).toEqual([409, 'PICKUP_NOT_READY']);
    // Development payments: approving settles the refund at once.
    ok(await app.api.post(`/api/hq/refunds/${refund.id}/approve`, {}, hq));
    expect(ok(await app.api.get(`/api/orders/${order.id}`, shopper.token)).status).toBe('refunded');
    expect(await pickupRow(app, order.id)).toMatchObject({ state: 'closed', open_code: null });
    expect((await collect(managerA, { code })).status).toBe(409);
  });

  it('lists enabled stores nearest first when given a location, and refuses half a location', async () => {
    const far = await pickupStore(app, hq, { name: '苏州自提店', lat: 31.2989, lng: 120.5853 });
    const unplaced = await pickupStore(app, hq, { name: '未定位店', lat: null, lng: null });
    const ids = (list: { storeId: number }[]) => list.map((s) => s.storeId).filter((id) => [storeA.id, storeB.id, far.id, unplaced.id].includes(id));
    const fromHangzhou = ok(await app.api.get('/api/pickup/stores?lat=30.25&lng=120.13'));
    expect(ids(fromHangzhou)).toEqual([storeB.id, far.id, storeA.id, unplaced.id]);
    expect(fromHangzhou[0]).toMatchObject({ name: '湖滨自提店', hours: '10:00-22:00', distanceM: expect.any(Number) });
    expect(ids(ok(await app.api.get('/api/pickup/stores?lat=31.2243&lng=121.4456')))).toEqual([storeA.id, far.id, storeB.id, unplaced.id]);
    expect(fromHangzhou.every((s: { enabled: boolean }) => s.enabled)).toBe(true);
    const half = await app.api.get('/api/pickup/stores?lat=30.25');
    expect([half.status, half.body.issues?.[0]?.field]).toEqual([400, 'lng']);
    expect((await app.api.get('/api/pickup/stores?lat=91&lng=0')).status).toBe(400);
    // A store manager sees and HQ edits profiles; a bad body names its field.
    expect(ok(await app.api.get('/api/hq/pickup/stores', managerA)).map((s: { storeId: number }) => s.storeId)).toEqual([storeA.id]);
    const bad = await app.api.call('PUT', `/api/hq/pickup/stores/${storeA.id}`, { token: hq, body: { address: '', hours: '9-21', lat: 31, lng: null, enabled: true } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues?.map((i: { field: string }) => i.field)).toContain('address');
  });
});
