/**
 * What the points journey asks the API directly, against a storefront at `base`: public GETs,
 * and HQ's part of the story (reading orders, shipping) as the development HQ owner
 * (HQ_ADMIN_USERNAME / HQ_ADMIN_PASSWORD defaults, refused in production).
 */
import type { PointsJourneyApi } from './journeys/points';
import { apiGetter } from './storefront';

async function call<T>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json()) as { ok: boolean; data: T };
  if (!json.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json.data;
}

export async function pointsApiFor(base: string): Promise<PointsJourneyApi> {
  const username = process.env.HQ_ADMIN_USERNAME || 'admin';
  const password = process.env.HQ_ADMIN_PASSWORD || 'loopmall-admin';
  const hq = (await call<{ token: string }>(base, 'POST', '/api/hq/auth/login', undefined, { username, password })).token;
  const get = apiGetter(base);
  return {
    get: (p) => get(p),
    hqGet: (p) => call(base, 'GET', p, hq),
    hqShip: async (orderId) => {
      await call(base, 'POST', `/api/hq/orders/${orderId}/ship`, hq, { carrier: 'SF', trackingNo: `SF${orderId}0000001` });
    },
  };
}
