/** The member-card journey on the H5 build in Debian Chromium, against a storefront with the demo store. */
import { H5Driver } from './h5-driver';
import { hqClient } from './journeys/guides';
import { memberCardJourney } from './journeys/member-card';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(240_000);

describe('member card journey (H5, Chromium)', () => {
  let server: Storefront;
  let driver: H5Driver;
  beforeAll(async () => {
    server = await startStorefront('member-card');
    driver = await H5Driver.launch(server.url);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.stop();
  });

  it('opens the member card with the phone number (fake WeChat), then shows a member code whose QR is the symbol of the token', async () => {
    await memberCardJourney(driver, await hqClient(server.url));
    expect(driver.problems()).toEqual([]);
  });
});
