/** The buying journey on the weapp build in WeChat DevTools (skipped where DevTools is absent). */
import { weappJourneySuite } from './journey-suites';
import { buyJourney } from './journeys/buy';

jest.setTimeout(300_000);

weappJourneySuite(
  'buy journey (weapp, WeChat DevTools)',
  'fills the cart, checks out with a new address, pays, then cancels a second order and gets the stock back',
  buyJourney,
);
