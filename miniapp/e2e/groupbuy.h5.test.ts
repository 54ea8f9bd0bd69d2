/**
 * The group-buy journey on the H5 build in Debian Chromium, against a storefront on the embedded
 * database with the demo store and development payments. Three shoppers, three browsers.
 */
import { h5ShoppersSuite } from './journey-suites';
import { groupBuyJourney } from './journeys/groupbuy';

jest.setTimeout(240_000);

h5ShoppersSuite(
  'group-buy journey (H5, Chromium)',
  'groupbuy',
  'A opens a group of 2 and pays, B joins from the shared path and pays, both see 拼团成功 and 待发货, C is offered a new group',
  (newShopper, server) => groupBuyJourney({ baseUrl: server.url, newShopper }),
);
