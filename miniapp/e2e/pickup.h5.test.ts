/**
 * The 门店自提 journey on the H5 build in Debian Chromium, against a storefront on the embedded
 * database with the demo store (its stores take pickups) and development payments.
 */
import { h5ShoppersSuite } from './journey-suites';
import { pickupJourney } from './journeys/pickup';

jest.setTimeout(180_000);

h5ShoppersSuite(
  'pickup journey (H5, Chromium)',
  'pickup',
  'a shopper places a pickup order at the nearest store and pays, sees 待自提 and the code; the store collects it by code; the shopper sees 已自提',
  async (newShopper, server) => pickupJourney(await newShopper(), server.url),
);
