/**
 * The same buying journey on the weapp build in WeChat DevTools. DevTools has no Linux build:
 * this runs where WECHAT_DEVTOOLS_CLI names its CLI (with the API running at TARO_APP_API_BASE
 * on the demo store in the development payment mode, and `npm run build:weapp` done), and is
 * reported skipped everywhere else.
 */
import type { ApiGet } from './journeys/browse';
import { buyJourney } from './journeys/buy';
import { ROOT } from './paths';
import { WeappDriver } from './weapp-driver';

const cli = process.env.WECHAT_DEVTOOLS_CLI;
const apiBase = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
const TITLE = 'buy journey (weapp, WeChat DevTools)';

jest.setTimeout(300_000);

function runJourney(cliPath: string): void {
  let driver: WeappDriver;
  beforeAll(async () => {
    driver = await WeappDriver.launch(cliPath, ROOT);
  });
  afterAll(() => driver?.close());

  const api: ApiGet = async (p) => ((await (await fetch(apiBase + p)).json()) as { data: never }).data;

  it('fills the cart, checks out with a new address, pays, then cancels a second order and gets the stock back', async () => {
    await buyJourney(driver, api);
    expect(driver.problems()).toEqual([]);
  });
}

describe(TITLE, () => {
  if (cli) runJourney(cli);
  else it.skip('skipped: WECHAT_DEVTOOLS_CLI is not set (WeChat DevTools has no Linux build; run on Windows or macOS with its CLI path)', () => undefined);
});
