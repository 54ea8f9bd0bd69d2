/**
 * The points journey on the H5 build in Debian Chromium, against a storefront on the embedded
 * database with the demo store; jobs run every second so the outbox delivers points promptly.
 */
import { H5Driver } from './h5-driver';
import { pointsJourney, type PointsJourneyApi } from './journeys/points';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(240_000);

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

describe('points journey (H5, Chromium)', () => {
  let server: Storefront;
  let driver: H5Driver;
  beforeAll(async () => {
    process.env.JOBS_INTERVAL_MS = '1000';
    server = await startStorefront('points');
    driver = await H5Driver.launch(server.url);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.stop();
  });

  it('signs in, earns pending then available points, uses points on a second order and gets them back on cancel', async () => {
    // The development HQ owner (HQ_ADMIN_* defaults outside production).
    const hq = (await call<{ token: string }>(server.url, 'POST', '/api/hq/auth/login', undefined, { username: 'admin', password: 'loopmall-admin' })).token;
    const api: PointsJourneyApi = {
      get: (p) => server.api(p),
      hqGet: (p) => call(server.url, 'GET', p, hq),
      hqShip: async (orderId) => {
        await call(server.url, 'POST', `/api/hq/orders/${orderId}/ship`, hq, { carrier: 'SF', trackingNo: `SF${orderId}0000001` });
      },
    };
    await pointsJourney(driver, api);
    expect(driver.problems()).toEqual([]);
  });
});
