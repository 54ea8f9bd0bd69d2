/**
 * npm run bench:h5 — how long a shopper on a phone network waits for 首页: the time from
 * navigation to the first product title on screen, in Chromium with DevTools' "Fast 3G" network
 * (562.5 ms latency, 1.44 Mbit/s down) and 4× CPU slowdown, on a cold cache; and when the app's own
 * cards replace the first screen index.html carries (H5_FIRST_SCREEN). The storefront is the
 * real `npm start` (embedded database, demo store) serving the H5 build. A figure, not a test.
 *
 * Knobs: BENCH_RUNS (default 3); LOOPMALL_E2E_SKIP_BUILD=1 reuses dist/h5; BENCH_ROOT=<checkout>
 * measures another version (its API and its dist/h5, built beforehand there with npm run build:h5).
 */
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { taroBuild } from './build';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './h5-driver';
import { startStorefront } from './storefront';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Chromium DevTools' presets (devtools-frontend NetworkManager). */
const FAST_3G = { offline: false, latency: 150 * 3.75, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 };
const CPU_SLOWDOWN = 4;

interface Load {
  /** ms from navigation start to the first .product-card__title with text, by the page's own clock. */
  firstTitleMs: number;
  /**
   * The same for the app's own cards (inside its root): later than firstTitleMs when index.html
   * carries the server-rendered first screen (H5_FIRST_SCREEN), which they replace.
   */
  appTitleMs: number;
  /** Up to the app's own first title. */
  requests: number;
  /** Bytes on the wire (headers and compressed bodies). */
  bytes: number;
  jsBytes: number;
  /** URLs fetched more than once: a preload in index.html that the page did not reuse. */
  twice: string[];
}

/** Records, inside the page, when the first product title appears, and the app's own (no polling from outside). */
function watchFirstTitle(): void {
  const w = window as unknown as { __firstTitleMs?: number; __appTitleMs?: number };
  new MutationObserver((_, observer) => {
    if (!w.__firstTitleMs && document.querySelector('.product-card__title')?.textContent?.trim()) w.__firstTitleMs = performance.now();
    if (document.querySelector('#app .product-card__title')?.textContent?.trim()) {
      w.__appTitleMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function loadHome(browser: Browser, url: string, throttled: boolean): Promise<Load> {
  // A new context each time: an empty cache, as on a first visit.
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (throttled) {
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    const load: Load = { firstTitleMs: 0, appTitleMs: 0, requests: 0, bytes: 0, jsBytes: 0, twice: [] };
    const types = new Map<string, string>();
    const urls = new Set<string>();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (urls.has(e.request.url) && !e.request.url.startsWith('data:')) load.twice.push(e.request.url.replace(url, ''));
      urls.add(e.request.url);
    });
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      load.requests++;
      load.bytes += e.encodedDataLength;
      if (types.get(e.requestId) === 'Script') load.jsBytes += e.encodedDataLength;
    });
    await page.addInitScript(watchFirstTitle);
    await page.goto(`${url}/#/pages/index/index`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __appTitleMs?: number }).__appTitleMs, undefined, { timeout: 120_000, polling: 500 });
    Object.assign(
      load,
      await page.evaluate(() => {
        const w = window as unknown as { __firstTitleMs: number; __appTitleMs: number };
        return { firstTitleMs: w.__firstTitleMs, appTitleMs: w.__appTitleMs };
      }),
    );
    return load;
  } finally {
    await context.close();
  }
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const root = process.env.BENCH_ROOT ? path.resolve(process.env.BENCH_ROOT) : undefined;
  if (!root && process.env.LOOPMALL_E2E_SKIP_BUILD !== '1') console.log(`H5 build: ${(taroBuild('h5').ms / 1000).toFixed(1)} s`);
  const store = await startStorefront('bench-h5', 60_000, root);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    console.log(`\nbench:h5 — 首页, navigation → first product title, cold cache, ${RUNS} runs each\n`);
    for (const [label, throttled] of [
      ['unthrottled', false],
      [`Fast 3G + ${CPU_SLOWDOWN}× CPU`, true],
    ] as const) {
      const runs: Load[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await loadHome(browser, store.url, throttled));
      const last = runs[runs.length - 1];
      const figure = (ms: (r: Load) => number) => `${median(runs.map(ms)).toFixed(0).padStart(6)} ms (median; runs ${runs.map((r) => ms(r).toFixed(0)).join(', ')})`;
      console.log(
        `${label.padEnd(20)} first title ${figure((r) => r.firstTitleMs)}  ` +
          `${last.requests} requests, ${kib(last.bytes)} on the wire (JS ${kib(last.jsBytes)}) up to the app's own cards`,
      );
      console.log(`${''.padEnd(20)} app's own cards ${figure((r) => r.appTitleMs)}`);
      const twice = [...new Set(runs.flatMap((r) => r.twice))];
      if (twice.length) console.log(`  fetched twice (a preload the page did not reuse?): ${twice.join(', ')}`);
    }
    console.log('');
  } finally {
    await browser.close();
    await store.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
