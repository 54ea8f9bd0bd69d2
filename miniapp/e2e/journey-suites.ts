/**
 * The two ways a journey runs, written once: on the H5 build in Chromium against a storefront
 * process of our own, and on the weapp build in WeChat DevTools (only where WECHAT_DEVTOOLS_CLI
 * names its CLI; reported skipped elsewhere, since DevTools has no Linux build).
 */
import type { Driver } from './driver';
import { H5Driver } from './h5-driver';
import type { ApiGet } from './journeys/browse';
import { ROOT } from './paths';
import { apiGetter, startStorefront, type Storefront } from './storefront';
import { WeappDriver } from './weapp-driver';

export type Journey = (driver: Driver, api: ApiGet) => Promise<void>;

/** `describe(title)` running `journey` on H5 in Chromium, failing on any page error. */
export function h5JourneySuite(title: string, name: string, what: string, journey: Journey): void {
  describe(title, () => {
    let server: Storefront;
    let driver: H5Driver;

    beforeAll(async () => {
      server = await startStorefront(name);
      driver = await H5Driver.launch(server.url);
    });

    afterAll(async () => {
      await driver?.close();
      await server?.stop();
    });

    it(what, async () => {
      await journey(driver, server.api);
      expect(driver.problems()).toEqual([]);
    });
  });
}

/** A new browser (a new, logged-out shopper) on the storefront; closed when the suite ends. */
export type NewShopper = () => Promise<Driver>;

/**
 * `describe(title)` running `journey` with as many shoppers as it asks for, each in its own
 * Chromium, against one storefront; fails on any page error in any of them.
 */
export function h5ShoppersSuite(title: string, name: string, what: string, journey: (newShopper: NewShopper, server: Storefront) => Promise<void>): void {
  describe(title, () => {
    let server: Storefront;
    const drivers: H5Driver[] = [];

    beforeAll(async () => {
      server = await startStorefront(name);
    });
    afterAll(async () => {
      for (const d of drivers) await d.close();
      await server?.stop();
    });

    it(what, async () => {
      await journey(async () => {
        const d = await H5Driver.launch(server.url);
        drivers.push(d);
        return d;
      }, server);
      for (const d of drivers) expect(d.problems()).toEqual([]);
    });
  });
}

/**
 * The same on the weapp build in WeChat DevTools, against the API at TARO_APP_API_BASE (started
 * by the developer on the demo store, development payments, after `npm run build:weapp`).
 */
export function weappJourneySuite(title: string, what: string, journey: Journey): void {
  const cli = process.env.WECHAT_DEVTOOLS_CLI;
  describe(title, () => {
    if (!cli) {
      it.skip('skipped: WECHAT_DEVTOOLS_CLI is not set (WeChat DevTools has no Linux build; run on Windows or macOS with its CLI path)', () => undefined);
      return;
    }
    let driver: WeappDriver;
    beforeAll(async () => {
      driver = await WeappDriver.launch(cli, ROOT);
    });
    afterAll(() => driver?.close());

    it(what, async () => {
      await journey(driver, apiGetter(process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'));
      expect(driver.problems()).toEqual([]);
    });
  });
}
