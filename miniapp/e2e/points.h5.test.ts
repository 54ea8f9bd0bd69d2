/**
 * The points journey on the H5 build in Debian Chromium, against a storefront on the embedded
 * database with the demo store, on the default settings: the outbox hands the points to their
 * handlers right after each commit (jobs keep their default 30 s interval).
 */
import { H5Driver } from './h5-driver';
import { pointsJourney } from './journeys/points';
import { pointsApiFor } from './points-api';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(240_000);

describe('points journey (H5, Chromium)', () => {
  let server: Storefront;
  let driver: H5Driver;
  beforeAll(async () => {
    server = await startStorefront('points');
    driver = await H5Driver.launch(server.url);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.stop();
  });

  it('signs in, earns pending then available points, uses points on a second order and gets them back on cancel', async () => {
    await pointsJourney(driver, await pointsApiFor(server.url));
    expect(driver.problems()).toEqual([]);
  });
});
