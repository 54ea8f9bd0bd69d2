/**
 * The buying journey on the H5 build in Debian Chromium, against a real API process on the
 * embedded database with the demo store seeded and the default development payment mode.
 * The H5 build comes from global-setup.ts.
 */
import { H5Driver } from './h5-driver';
import { buyJourney } from './journeys/buy';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(180_000);

describe('buy journey (H5, Chromium)', () => {
  let server: Storefront;
  let driver: H5Driver;

  beforeAll(async () => {
    server = await startStorefront('buy');
    driver = await H5Driver.launch(server.url);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.stop();
  });

  it('fills the cart, checks out with a new address, pays, then cancels a second order and gets the stock back', async () => {
    await buyJourney(driver, server.api);
    expect(driver.problems()).toEqual([]);
  });
});
