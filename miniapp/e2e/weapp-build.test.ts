/**
 * The weapp build: it succeeds, app.json lists every page the source has (but the H5-only
 * sidebar of WeCom's chat toolbar), and the main package
 * stays under WeChat's 2 MB upload limit (the size is printed for the record).
 */
import fs from 'node:fs';
import path from 'node:path';
import { taroBuild } from './build';
import { H5_ONLY_PAGES } from '../routes';
import { PAGES, ROOT, WEAPP_DIR } from './paths';

jest.setTimeout(300_000);

const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;

/** Pages only the H5 build has (导购助手 opens in WeCom's chat toolbar, which shows web pages only). */
const H5_ONLY = H5_ONLY_PAGES.map((name) => PAGES[name]);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every page in the source: a folder with index.tsx and index.config.ts. */
function sourcePages(): string[] {
  return filesUnder(path.join(ROOT, 'miniapp'))
    .filter((f) => f.endsWith(`${path.sep}index.config.ts`) && !f.includes(`${path.sep}e2e${path.sep}`))
    .map((f) => path.relative(path.join(ROOT, 'miniapp'), path.dirname(f)).split(path.sep).join('/') + '/index')
    .sort();
}

describe('weapp build', () => {
  let appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[]; subpackages?: { root: string; pages: string[] }[] };

  beforeAll(() => {
    const { ms } = taroBuild('weapp');
    console.log(`[weapp] build: ${(ms / 1000).toFixed(1)} s`);
    appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8'));
  });

  it('lists every source page in app.json but the H5-only ones, and nothing else', () => {
    const subs = appJson.subPackages ?? appJson.subpackages ?? [];
    const listed = [...appJson.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))].sort();
    expect(listed).toEqual(sourcePages().filter((p) => !H5_ONLY.includes(p)));
    for (const page of listed) expect(fs.existsSync(path.join(WEAPP_DIR, `${page}.js`))).toBe(true);
  });

  it('keeps the main package under 2 MB', () => {
    const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => path.join(WEAPP_DIR, s.root));
    const main = filesUnder(WEAPP_DIR).filter((f) => !subRoots.some((r) => f.startsWith(r)) && !f.endsWith('.map'));
    const bytes = main.reduce((n, f) => n + fs.statSync(f).size, 0);
    console.log(`[weapp] main package: ${(bytes / 1024).toFixed(0)} KiB in ${main.length} files (limit 2048 KiB)`);
    expect(bytes).toBeLessThan(MAIN_PACKAGE_LIMIT);
  });
});
