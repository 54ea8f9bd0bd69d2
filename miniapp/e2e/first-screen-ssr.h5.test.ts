/**
 * 首页's first screen server-rendered into index.html by the API (api/src/platform/first-screen.ts,
 * H5_FIRST_SCREEN on, its default), in Chromium: the static cards are there before any script
 * runs (JavaScript off), they give way to the app's own cards without the two ever being on
 * screen together, a tap on one before the app has loaded opens that product, and on any other
 * route the block is gone before the app starts.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ProductCardDto } from '@common/catalogue/types';
import type { Page as Paged } from '@common/paging';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './h5-driver';
import { startStorefront, type Storefront } from './storefront';

jest.setTimeout(120_000);

const STATIC_TITLES = '#first-screen .product-card__title';

/**
 * Inside the page: whether a frame ever had the static block and the app's cards at once
 * (requestAnimationFrame runs right before each paint), and whether the block was seen at all.
 */
function watchFrames(): void {
  const w = window as unknown as { __overlap?: boolean; __sawStatic?: boolean };
  const frame = () => {
    const block = document.getElementById('first-screen');
    if (block) w.__sawStatic = true;
    if (block && document.querySelector('#app .product-card')) w.__overlap = true;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Holds the app's scripts (index.html and its static first screen come through); call the answer to let them go. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/js\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

describe('首页 first screen server-rendered (H5, Chromium)', () => {
  let server: Storefront;
  let browser: Browser;
  let home: ProductCardDto[];
  const contexts: BrowserContext[] = [];

  const newPage = async (javaScriptEnabled = true): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, locale: 'zh-CN', javaScriptEnabled });
    contexts.push(context);
    return context.newPage();
  };
  const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent!.trim()));

  beforeAll(async () => {
    server = await startStorefront('first-screen-ssr');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    home = (await server.api<Paged<ProductCardDto>>('/api/products?sort=newest&page=1&pageSize=20')).items;
    expect(home.length).toBeGreaterThan(6);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows 首页 first products without JavaScript, as links to their pages', async () => {
    const page = await newPage(false);
    await page.goto(`${server.url}/#/pages/index/index`);
    const titles = await texts(page, STATIC_TITLES);
    expect(titles).toEqual(home.slice(0, titles.length).map((p) => p.title));
    expect(titles.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < titles.length; i++) await page.locator(STATIC_TITLES).nth(i).waitFor({ state: 'visible' });
    expect(await page.locator('#first-screen a.product-card').first().getAttribute('href')).toBe(`#/pages/product/index?id=${home[0].id}`);
  });

  it('gives way to the app cards: one set of cards, never both on screen', async () => {
    const page = await newPage();
    await page.addInitScript(watchFrames);
    await page.goto(`${server.url}/#/pages/index/index`);
    await page.locator('#app .product-card__title').first().waitFor();
    await page.waitForLoadState('networkidle');
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __overlap?: boolean; __sawStatic?: boolean };
      return { sawStatic: w.__sawStatic ?? false, overlap: w.__overlap ?? false };
    });
    expect(seen).toEqual({ sawStatic: true, overlap: false });
    expect(await page.locator('#first-screen').count()).toBe(0);
    // Exactly the 首页 list, once.
    expect(await texts(page, '.product-card__title')).toEqual(home.map((p) => p.title));
  });

  it('opens the product tapped before the app has loaded; another route never shows the block', async () => {
    const page = await newPage();
    // The app's scripts wait until the tap is done.
    const release = await holdScripts(page);
    await page.goto(`${server.url}/#/pages/index/index`, { waitUntil: 'commit' });
    const target = home[1];
    await page.locator(STATIC_TITLES).filter({ hasText: target.title }).click();
    // (Not waitForURL, which waits for the load event: the held scripts delay it.)
    await page.waitForFunction((hash) => location.hash === hash, `#/pages/product/index?id=${target.id}`);
    expect(await page.locator('#first-screen').count()).toBe(0);
    release();
    await page.locator('.product-title').filter({ hasText: target.title }).waitFor();
    expect(await page.locator('.product-card__title').filter({ hasText: target.title }).count()).toBe(0);

    // A product link opened directly: the block is removed as it is parsed, scripts still held.
    const direct = await newPage();
    const releaseDirect = await holdScripts(direct);
    await direct.goto(`${server.url}/#/pages/product/index?id=${home[2].id}`, { waitUntil: 'commit' });
    await direct.waitForFunction(() => document.readyState !== 'loading');
    expect(await direct.locator('#first-screen').count()).toBe(0);
    expect(await direct.evaluate(() => document.querySelectorAll('.product-card__title').length)).toBe(0);
    releaseDirect();
    await direct.locator('.product-title').filter({ hasText: home[2].title }).waitFor();
  });
});
