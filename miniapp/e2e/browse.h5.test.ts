/**
 * The browse journey on the H5 build in Debian Chromium, against a real API process on the
 * embedded database with the demo store seeded. The H5 build comes from global-setup.ts.
 */
import { H5Driver } from './h5-driver';
import { browseJourney } from './journeys/browse';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(120_000);

describe('browse journey (H5, Chromium)', () => {
  let server: Storefront;
  let driver: H5Driver;

  beforeAll(async () => {
    server = await startStorefront('browse');
    driver = await H5Driver.launch(server.url);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.stop();
  });

  it('opens home, a category, search, a product and its SKUs, then logs in', async () => {
    await browseJourney(driver, server.api);
    expect(driver.problems()).toEqual([]);
  });
});
