/**
 * The points journey on the weapp build in WeChat DevTools (skipped where DevTools is absent),
 * against the API at TARO_APP_API_BASE started with the demo store and development payments (the
 * outbox delivers the points right after each commit, on the default settings).
 */
import { weappJourneySuite } from './journey-suites';
import { pointsJourney } from './journeys/points';
import { pointsApiFor } from './points-api';

jest.setTimeout(300_000);

weappJourneySuite(
  'points journey (weapp, WeChat DevTools)',
  'signs in, earns pending then available points, uses points on a second order and gets them back on cancel',
  async (driver) => pointsJourney(driver, await pointsApiFor(process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000')),
);
