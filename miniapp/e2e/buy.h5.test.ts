/**
 * The buying journey on the H5 build in Debian Chromium, against a storefront on the embedded
 * database with the demo store and the default development payment mode.
 */
import { h5JourneySuite } from './journey-suites';
import { buyJourney } from './journeys/buy';

jest.setTimeout(180_000);

h5JourneySuite(
  'buy journey (H5, Chromium)',
  'buy',
  'fills the cart, checks out with a new address, pays, then cancels a second order and gets the stock back',
  buyJourney,
);
