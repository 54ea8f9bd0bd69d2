/**
 * What a journey may do to the storefront, whatever runs it: playwright on the H5 build in
 * Chromium (h5-driver.ts), or miniprogram-automator on the weapp build in WeChat DevTools
 * (weapp-driver.ts). Journeys use class selectors only, which both platforms support.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface TapOptions {
  /** Tap the element whose whole text is this (trimmed). */
  text?: string;
  /** Tap the n-th match (after the text filter). */
  index?: number;
}

export interface Driver {
  readonly platform: 'h5' | 'weapp';
  /** Opens a page fresh, e.g. open('pages/product/index', { id: '3' }). */
  open(route: string, query?: Record<string, string>): Promise<void>;
  /** Switches to a tab page. */
  switchTab(route: string): Promise<void>;
  /** Waits until at least one element matches (and has `text` within it when given). */
  waitFor(selector: string, opts?: { text?: string; timeoutMs?: number }): Promise<void>;
  tap(selector: string, opts?: TapOptions): Promise<void>;
  /** Texts of every match, trimmed. */
  texts(selector: string): Promise<string[]>;
  /** Types into an input and confirms (the keyboard's 搜索/确认 key). */
  type(selector: string, value: string): Promise<void>;
  /** The route of the page on top, e.g. 'pages/product/index'. */
  currentRoute(): Promise<string>;
  /** Saves a screenshot under the artifacts folder; returns its path. */
  screenshot(name: string): Promise<string>;
  /** Problems the page reported (uncaught errors, console errors), for the test to assert none. */
  problems(): string[];
  close(): Promise<void>;
}

export const ARTIFACTS_DIR = path.resolve(__dirname, '../../.artifacts');

/** Where a journey screenshot goes: `.artifacts/screenshots/<platform>-<name>.png`. */
export function screenshotFile(platform: Driver['platform'], name: string): string {
  const dir = path.join(ARTIFACTS_DIR, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${platform}-${name}.png`);
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
