/** The browse journey on the weapp build in WeChat DevTools (skipped where DevTools is absent). */
import { weappJourneySuite } from './journey-suites';
import { browseJourney } from './journeys/browse';

jest.setTimeout(300_000);

weappJourneySuite('browse journey (weapp, WeChat DevTools)', 'opens home, a category, search, a product and its SKUs, then logs in', browseJourney);
