/**
 * The journey driver for the weapp build: WeChat DevTools through miniprogram-automator.
 * DevTools has no Linux build, so this runs on a developer's Windows or macOS machine with
 * WECHAT_DEVTOOLS_CLI naming the DevTools CLI; elsewhere the weapp journey reports itself skipped.
 */
import automator from 'miniprogram-automator';
import { screenshotFile, waitUntil, type Driver, type TapOptions } from './driver';

type MiniProgram = Awaited<ReturnType<typeof automator.launch>>;
type Page = NonNullable<Awaited<ReturnType<MiniProgram['currentPage']>>>;
type Element = NonNullable<Awaited<ReturnType<Page['$']>>>;

export class WeappDriver implements Driver {
  readonly platform = 'weapp' as const;
  private readonly seen: string[] = [];

  private constructor(private readonly mp: MiniProgram) {
    mp.on('exception', (e: { message?: string }) => this.seen.push(`exception: ${e.message ?? String(e)}`));
    mp.on('console', (msg: { type: string; args: unknown[] }) => {
      if (msg.type === 'error') this.seen.push(`console.error: ${msg.args.map(String).join(' ')}`);
    });
  }

  /** Launches DevTools on the project (the repo root: project.config.json points at dist/weapp). */
  static async launch(cliPath: string, projectPath: string): Promise<WeappDriver> {
    return new WeappDriver(await automator.launch({ cliPath, projectPath }));
  }

  private async page(): Promise<Page> {
    return waitUntil('a current page', () => this.mp.currentPage());
  }

  private async matches(selector: string, opts: TapOptions = {}): Promise<Element[]> {
    const all: Element[] = (await (await this.page()).$$(selector)) ?? [];
    if (!opts.text) return all;
    const texts = await Promise.all(all.map((el) => el.text()));
    return all.filter((_, i) => texts[i].trim() === opts.text);
  }

  async open(route: string, query: Record<string, string> = {}): Promise<void> {
    const qs = new URLSearchParams(query).toString();
    await this.mp.reLaunch(`/${route}${qs ? `?${qs}` : ''}`);
  }

  async switchTab(route: string): Promise<void> {
    await this.mp.switchTab(`/${route}`);
  }

  async waitFor(selector: string, opts: { text?: string; timeoutMs?: number } = {}): Promise<void> {
    await waitUntil(
      `${selector}${opts.text ? ` containing ${opts.text}` : ''}`,
      async () => {
        const els = await this.matches(selector);
        if (!opts.text) return els.length > 0;
        const texts = await Promise.all(els.map((el) => el.text()));
        return texts.some((t) => t.includes(opts.text!));
      },
      opts.timeoutMs ?? 10_000,
    );
  }

  async tap(selector: string, opts?: TapOptions): Promise<void> {
    const el = (await this.matches(selector, opts))[opts?.index ?? 0];
    if (!el) throw new Error(`nothing to tap: ${selector} ${JSON.stringify(opts ?? {})}`);
    await el.tap();
  }

  async texts(selector: string): Promise<string[]> {
    return Promise.all((await this.matches(selector)).map(async (el) => (await el.text()).trim()));
  }

  async type(selector: string, value: string): Promise<void> {
    const [el] = await this.matches(selector);
    if (!el) throw new Error(`no input ${selector}`);
    await (el as unknown as { input(v: string): Promise<void> }).input(value);
    await el.trigger('confirm', { value });
  }

  async currentRoute(): Promise<string> {
    return (await this.page()).path;
  }

  async screenshot(name: string): Promise<string> {
    const file = screenshotFile(this.platform, name);
    await this.mp.screenshot({ path: file });
    return file;
  }

  problems(): string[] {
    return [...this.seen];
  }

  async close(): Promise<void> {
    await this.mp.close();
  }
}
