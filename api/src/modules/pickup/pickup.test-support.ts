/** Fixtures for the pickup tests (not loaded by the app). */
import type { PickupStoreInput } from '@common/pickup/types';
import type { TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';

let seq = 0;

/** A store (guides module route) with a pickup profile (pickup route), enabled unless told. */
export async function pickupStore(app: TestApp, hq: string, over: Partial<PickupStoreInput> & { name?: string } = {}): Promise<{ id: number; name: string }> {
  const n = ++seq;
  const name = over.name ?? `自提门店${n}`;
  const store = ok(await app.api.post('/api/hq/stores', { name, code: `PK${n}${Date.now() % 100000}`, city: '上海' }, hq), 201);
  const { name: _omit, ...profile } = over;
  ok(await app.api.call('PUT', `/api/hq/pickup/stores/${store.id}`, { token: hq, body: { address: `南京西路 ${n} 号`, hours: '10:00-22:00', lat: 31.22, lng: 121.45, enabled: true, ...profile } }));
  return { id: store.id, name };
}

/** Places a pickup order at `storeId` (no address) and returns its detail. */
export async function pickupOrder(app: TestApp, token: string, skuId: number, storeId: number, extra: Record<string, unknown> = {}) {
  return app.api.post('/api/orders', { lines: [{ skuId, quantity: 1 }], pickupStoreId: storeId, ...extra }, token);
}

/** The order's pickup row as stored. */
export async function pickupRow(app: TestApp, orderId: number): Promise<{ code: string; open_code: string | null; state: string; store_id: number; collected_by: string | null }> {
  const [row] = await app.ds.query('SELECT code, open_code, state, store_id, collected_by FROM pickup_order WHERE order_id = ?', [orderId]);
  return { ...row, store_id: Number(row.store_id) };
}
