/**
 * The guides journey on the H5 build in Debian Chromium: two browsers (the guide and a new
 * shopper) against one storefront on the embedded database with the demo store.
 */
import { H5Driver } from './h5-driver';
import { guideCardsJourney } from './journeys/guide-cards';
import { guidesJourney, hqClient } from './journeys/guides';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(180_000);

describe('guides journey (H5, Chromium)', () => {
  let server: Storefront;
  let guide: H5Driver;
  let shopper: H5Driver;
  beforeAll(async () => {
    server = await startStorefront('guides');
    guide = await H5Driver.launch(server.url);
    shopper = await H5Driver.launch(server.url);
  });
  afterAll(async () => {
    await guide?.close();
    await shopper?.close();
    await server?.stop();
  });

  it('a guide shares a card → a new shopper buys → attributed with evidence → the prompt shows once', async () => {
    await guidesJourney(guide, shopper, await hqClient(server.url));
    expect(guide.problems()).toEqual([]);
    expect(shopper.problems()).toEqual([]);
  });

  it('a guide shares a campaign card and a poster → new shoppers land on the right page, touched and bound', async () => {
    const guide2 = await H5Driver.launch(server.url);
    const visitors: H5Driver[] = [];
    try {
      const newShopper = async () => {
        visitors.push(await H5Driver.launch(server.url));
        return visitors[visitors.length - 1];
      };
      await guideCardsJourney(guide2, newShopper, await hqClient(server.url));
      for (const d of [guide2, ...visitors]) expect(d.problems()).toEqual([]);
    } finally {
      for (const d of [guide2, ...visitors]) await d.close();
    }
  });
});
