/** The browse journey on the H5 build in Debian Chromium (the build comes from global-setup.ts). */
import { h5JourneySuite } from './journey-suites';
import { browseJourney } from './journeys/browse';

jest.setTimeout(120_000);

h5JourneySuite('browse journey (H5, Chromium)', 'browse', 'opens home, a category, search, a product and its SKUs, then logs in', browseJourney);
