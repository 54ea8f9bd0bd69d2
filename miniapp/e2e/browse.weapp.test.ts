/**
 * The same browse journey on the weapp build in WeChat DevTools. DevTools has no Linux build:
 * this runs where WECHAT_DEVTOOLS_CLI names its CLI (with the API running at TARO_APP_API_BASE
 * on the demo store, and `npm run build:weapp` done), and is reported skipped everywhere else.
 */
import { browseJourney, type ApiGet } from './journeys/browse';
import { ROOT } from './paths';
import { WeappDriver } from './weapp-driver';

const cli = process.env.WECHAT_DEVTOOLS_CLI;
const apiBase = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
const TITLE = 'browse journey (weapp, WeChat DevTools)';

jest.setTimeout(300_000);

function runJourney(cliPath: string): void {
  let driver: WeappDriver;
  beforeAll(async () => {
    driver = await WeappDriver.launch(cliPath, ROOT);
  });
  afterAll(() => driver?.close());

  const api: ApiGet = async (p) => ((await (await fetch(apiBase + p)).json()) as { data: never }).data;

  it('opens home, a category, search, a product and its SKUs, then logs in', async () => {
    await browseJourney(driver, api);
    expect(driver.problems()).toEqual([]);
  });
}

describe(TITLE, () => {
  if (cli) runJourney(cli);
  else it.skip('skipped: WECHAT_DEVTOOLS_CLI is not set (WeChat DevTools has no Linux build; run on Windows or macOS with its CLI path)', () => undefined);
});
