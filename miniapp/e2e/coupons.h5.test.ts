/**
 * The coupons journey on the H5 build in Debian Chromium, against a storefront on the embedded
 * database with the demo store; HQ puts a coupon on sale in 积分商城 through its API first.
 */
import { H5Driver } from './h5-driver';
import { couponsJourney, type HqPost } from './journeys/coupons';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(240_000);

/** HQ's development owner account (refused in production; the storefront runs NODE_ENV=test). */
async function hqPoster(base: string): Promise<HqPost> {
  const login = await fetch(`${base}/api/hq/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'loopmall-admin' }) });
  const { data } = (await login.json()) as { data: { token: string } };
  return async (path, body, method = 'POST') => {
    const headers: Record<string, string> = { authorization: `Bearer ${data.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as { ok: boolean; data: never };
    if (!json.ok) throw new Error(`${path}: ${JSON.stringify(json)}`);
    return json.data;
  };
}

describe('coupons journey (H5, Chromium)', () => {
  let server: Storefront;
  let driver: H5Driver;

  beforeAll(async () => {
    server = await startStorefront('coupons');
    driver = await H5Driver.launch(server.url);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.stop();
  });

  it('new shopper: 新人礼 popup, first-order coupon, pays; redeems a mall coupon with points, uses it, cancels and gets it back', async () => {
    await couponsJourney(driver, server.api, await hqPoster(server.url));
    expect(driver.problems()).toEqual([]);
  });
});
