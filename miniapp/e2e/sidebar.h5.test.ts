/**
 * The guide's WeCom sidebar journey on the H5 build in Debian Chromium: the guide's browser has
 * WeCom's user agent and a fake WeCom client bridge; shoppers are plain browsers. The storefront
 * is api/test/storefront-with-wecom.ts (npm start's start-up plus a control port for the fake
 * WeCom's own side: a customer adding the guide, a customer group).
 */
import type { SidebarOauthConfig } from '@common/sidebar/types';
import { FakeWecomClient, WECOM_USER_AGENT } from './fake-wecom-client';
import { H5Driver } from './h5-driver';
import { hqClient } from './journeys/guides';
import { sidebarJourney } from './journeys/sidebar';
import { ROOT } from './paths';
import { apiGetter, startStorefront, type Storefront } from './storefront';

jest.setTimeout(240_000);

describe('WeCom sidebar journey (H5, Chromium)', () => {
  let server: Storefront;
  const drivers: H5Driver[] = [];
  let refusal: H5Driver | undefined;
  const launch = async (opts?: Parameters<typeof H5Driver.launch>[1]) => {
    drivers.push(await H5Driver.launch(server.url, opts));
    return drivers[drivers.length - 1];
  };
  beforeAll(async () => {
    server = await startStorefront('sidebar', 60_000, ROOT, 'api/test/storefront-with-wecom.ts');
  });
  afterAll(async () => {
    for (const d of [...drivers, refusal]) await d?.close();
    await server?.stop();
  });

  it('a guide sees the customer and the group, sends a campaign card → a shopper buys → attributed with the group as evidence', async () => {
    const oauth = (await apiGetter(server.url)('/api/sidebar/oauth-config')) as SidebarOauthConfig;
    const client = new FakeWecomClient({ corpId: oauth.corpId, agentId: oauth.agentId });
    const guide = await launch({ userAgent: WECOM_USER_AGENT, prepare: (ctx) => client.install(ctx) });
    const controlUrl = String(server.up.controlUrl);
    await sidebarJourney({
      base: server.url,
      hq: await hqClient(server.url),
      oauth,
      guide,
      client,
      newShopper: () => launch(),
      plainBrowser: () => launch(),
      oldClientBrowser: () => launch({ userAgent: WECOM_USER_AGENT.replace(/wxwork\/[\d.]+/, 'wxwork/3.0.36'), prepare: (ctx) => client.install(ctx) }),
      async refusalBrowser() {
        refusal = await H5Driver.launch(server.url, { userAgent: WECOM_USER_AGENT, prepare: (ctx) => client.install(ctx) });
        return refusal;
      },
      async control(path, body) {
        const res = await fetch(controlUrl + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (!res.ok) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
        return res.json();
      },
    });
    for (const d of drivers) expect(d.problems()).toEqual([]);
    // The refused login (403 SIDEBAR_NOT_A_GUIDE) and the used code (400 WECOM_CODE_INVALID), nothing else.
    expect(refusal!.problems()).toEqual([403, 400].map((s) => `console.error: Failed to load resource: the server responded with a status of ${s} (${s === 403 ? 'Forbidden' : 'Bad Request'})`));
  });
});
