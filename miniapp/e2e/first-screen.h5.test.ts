/**
 * 首页's first screen in the H5 build (Chromium, cold cache), as config/preload.ts and
 * pages/index shape it: the first page's stylesheets are inlined in index.html and never fetched,
 * every preload is used and nothing is fetched twice, and the flash-sale strip asks for its
 * campaign only after the first product title is on screen. Speed itself is `npm run bench:h5`.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './h5-driver';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(120_000);

/**
 * Records, inside the page, when the app's first product title appears (page clock); not the
 * server-rendered first screen's (first-screen-ssr.h5.test.ts), which is there before any script.
 */
function watchFirstTitle(): void {
  const w = window as unknown as { __firstTitleMs?: number };
  new MutationObserver((_, observer) => {
    if (document.querySelector('#app .product-card__title')?.textContent?.trim()) {
      w.__firstTitleMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

describe('首页 first screen (H5, Chromium)', () => {
  let server: Storefront;
  let browser: Browser;

  beforeAll(async () => {
    server = await startStorefront('first-screen');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('inlines its stylesheets, uses every preload once, and loads the flash-sale strip after the first products', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const requested: string[] = [];
    const warnings: string[] = [];
    page.on('request', (r) => requested.push(r.url().replace(server.url, '')));
    page.on('console', (m) => m.type() !== 'log' && warnings.push(m.text()));
    await page.addInitScript(watchFirstTitle);
    await page.goto(`${server.url}/#/pages/index/index`);
    await page.waitForFunction(() => (window as unknown as { __firstTitleMs?: number }).__firstTitleMs, undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // Chromium warns about a preload left unused a few seconds after the load event.
    await page.waitForTimeout(4_000);

    const { titleMs, inlined, preloads, campaigns } = await page.evaluate(() => ({
      titleMs: (window as unknown as { __firstTitleMs: number }).__firstTitleMs,
      inlined: Array.from(document.querySelectorAll('style[data-href]')).map((s) => s.getAttribute('data-href')!),
      preloads: Array.from(document.querySelectorAll('link[rel=preload]')).map((l) => new URL((l as HTMLLinkElement).href).pathname + new URL((l as HTMLLinkElement).href).search),
      campaigns: performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/groupbuy/campaigns')).map((e) => e.startTime),
    }));
    await context.close();

    expect(inlined.length).toBeGreaterThan(0);
    for (const href of inlined) expect(requested).not.toContain(href);
    expect(requested.filter((u) => u.endsWith('.css'))).toEqual([]);
    expect(preloads.length).toBeGreaterThan(0);
    for (const url of preloads) expect(requested.filter((u) => u === url)).toHaveLength(1);
    expect(requested.filter((u, i) => !u.startsWith('data:') && requested.indexOf(u) !== i)).toEqual([]);
    expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toBeGreaterThanOrEqual(titleMs);
  });
});
