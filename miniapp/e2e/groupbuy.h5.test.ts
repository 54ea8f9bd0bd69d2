/**
 * The group-buy journey on the H5 build in Debian Chromium, against a storefront on the embedded
 * database with the demo store and development payments. Three shoppers, three browsers.
 */
import { H5Driver } from './h5-driver';
import { groupBuyJourney } from './journeys/groupbuy';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(240_000);

describe('group-buy journey (H5, Chromium)', () => {
  let server: Storefront;
  const drivers: H5Driver[] = [];

  beforeAll(async () => {
    server = await startStorefront('groupbuy');
  });
  afterAll(async () => {
    for (const d of drivers) await d.close();
    await server?.stop();
  });

  it('A opens a group of 2 and pays, B joins from the shared path and pays, both see 拼团成功 and 待发货, C is offered a new group', async () => {
    await groupBuyJourney({
      baseUrl: server.url,
      newShopper: async () => {
        const d = await H5Driver.launch(server.url);
        drivers.push(d);
        return d;
      },
    });
    for (const d of drivers) expect(d.problems()).toEqual([]);
  });
});
