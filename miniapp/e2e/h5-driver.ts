/** The journey driver for the H5 build: Debian Chromium through playwright-core. */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { screenshotFile, type Driver, type TapOptions } from './driver';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Chromium flags for a closed network and a root user (see toolchain notes).
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export class H5Driver implements Driver {
  readonly platform = 'h5' as const;
  private readonly seen: string[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    page.on('pageerror', (err) => this.seen.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.seen.push(`console.error: ${msg.text()}`);
    });
  }

  /**
   * `userAgent`: another client's (WeCom's `wxwork/…`); `prepare`: runs on the context before the
   * page exists (init scripts and bindings, e.g. a fake WeCom client bridge).
   */
  static async launch(baseUrl: string, opts: { userAgent?: string; prepare?: (context: BrowserContext) => Promise<void> } = {}): Promise<H5Driver> {
    if (!fs.existsSync(CHROMIUM_PATH)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk (bash .ci/run does)`);
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    // An iPhone-sized viewport, as a shopper sees the storefront.
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', userAgent: opts.userAgent });
    await opts.prepare?.(context);
    return new H5Driver(browser, await context.newPage(), baseUrl);
  }

  /**
   * A fresh page instance, like the weapp driver's reLaunch. A hash change alone would not do:
   * Taro's H5 router answers it as a back navigation and shows the instance of the same path
   * already in its stack (whatever its query), stale state and all. So the document is reloaded.
   */
  async open(route: string, query: Record<string, string> = {}): Promise<void> {
    const qs = new URLSearchParams(query).toString();
    await this.page.goto('about:blank');
    await this.page.goto(`${this.baseUrl}/#/${route}${qs ? `?${qs}` : ''}`);
    await this.page.waitForLoadState('networkidle');
  }

  /**
   * Opens an address of the storefront exactly as given (path, query before the #, hash route),
   * e.g. the one WeCom's web login redirects to: `/?code=…&state=…#/packages/guide/sidebar/index`.
   */
  async openAddress(pathQueryHash: string): Promise<void> {
    await this.page.goto('about:blank');
    await this.page.goto(`${this.baseUrl}${pathQueryHash}`);
    await this.page.waitForLoadState('networkidle');
  }

  /** The page's address now (after any history.replaceState of the page itself). */
  address(): string {
    return this.page.url();
  }

  async switchTab(route: string): Promise<void> {
    // Taro's H5 router follows the hash, as a tab bar tap does.
    await this.page.evaluate((r) => {
      window.location.hash = `#/${r}`;
    }, route);
    await this.page.waitForFunction((r) => window.location.hash.startsWith(`#/${r}`), route);
  }

  /**
   * Waits (briefly) until one Taro page is on screen and its slide-in is over. During a page
   * transition the page leaving (or the one beneath) is still in the DOM and "visible", so a
   * tap or a read by index could land on it.
   */
  private async settled(): Promise<void> {
    await this.page
      .waitForFunction(() => {
        const shown = Array.from(document.querySelectorAll('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none');
        return shown.length === 1 && shown[0].classList.contains('taro_page_stationed');
      }, undefined, { timeout: 3_000 })
      .catch(() => undefined); // a page without Taro's router markup: go on as before
  }

  private match(selector: string, opts: TapOptions = {}): Locator {
    const all = this.page.locator(selector).filter({ visible: true });
    const filtered = opts.text ? all.filter({ hasText: exact(opts.text) }) : all;
    return filtered.nth(opts.index ?? 0);
  }

  async waitFor(selector: string, opts: { text?: string; timeoutMs?: number } = {}): Promise<void> {
    const loc = this.page.locator(selector).filter({ visible: true });
    await (opts.text ? loc.filter({ hasText: opts.text }) : loc).first().waitFor({ timeout: opts.timeoutMs ?? 10_000 });
  }

  async tap(selector: string, opts?: TapOptions): Promise<void> {
    await this.settled();
    await this.match(selector, opts).click();
  }

  async texts(selector: string): Promise<string[]> {
    await this.settled();
    return (await this.page.locator(selector).filter({ visible: true }).allInnerTexts()).map((t) => t.trim());
  }

  async type(selector: string, value: string): Promise<void> {
    // A Taro <Input> is a web component wrapping a real <input>.
    const host = this.match(selector);
    await host.waitFor();
    const inner = host.locator('input');
    // The web component renders its <input> a moment after the host appears: wait for it.
    const wrapped = await host.evaluate((el) => el.tagName.toLowerCase().startsWith('taro-'));
    if (wrapped) await inner.first().waitFor({ state: 'attached' });
    const target = wrapped || (await inner.count()) > 0 ? inner.first() : host;
    await target.fill(value);
    await target.press('Enter');
  }

  async currentRoute(): Promise<string> {
    const hash = await this.page.evaluate(() => window.location.hash);
    return hash.replace(/^#\//, '').split('?')[0];
  }

  async screenshot(name: string): Promise<string> {
    const file = screenshotFile(this.platform, name);
    await this.page.waitForLoadState('networkidle');
    // Let Taro's page slide-in finish, or the picture catches two pages at once.
    await this.page.waitForTimeout(400);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** The RGBA pixels of the first image under `selector`, as the page painted it (to decode a QR code). */
  async imagePixels(selector: string): Promise<{ width: number; height: number; data: number[] }> {
    await this.settled();
    return this.page.locator(`${selector} img, img${selector}`).first().evaluate((img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return { width: canvas.width, height: canvas.height, data: Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data) };
    });
  }

  problems(): string[] {
    return [...this.seen];
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
