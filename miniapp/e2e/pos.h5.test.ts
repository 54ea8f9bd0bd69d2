/** The counter (POS) journey on the H5 build in Debian Chromium, against a storefront with the demo store. */
import { H5Driver } from './h5-driver';
import { hqClient } from './journeys/guides';
import { posJourney } from './journeys/pos';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(240_000);

describe('POS counter journey (H5, Chromium)', () => {
  let server: Storefront;
  let driver: H5Driver;
  beforeAll(async () => {
    server = await startStorefront('pos');
    driver = await H5Driver.launch(server.url);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.stop();
  });

  it('a member code shown after 开卡 is read by a signing till; the sale shows in 积分明细 and as offline GMV', async () => {
    await posJourney(driver, await hqClient(server.url), server.url);
    expect(driver.problems()).toEqual([]);
  });
});
