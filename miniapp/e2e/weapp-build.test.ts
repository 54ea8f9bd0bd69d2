/**
 * The weapp build: it succeeds, app.json lists every page the source has (but the H5-only
 * sidebar of WeCom's chat toolbar), the main package stays within its 600 KiB budget (every
 * package's size is printed for the record), and WeChat's own code-quality checks pass, run
 * offline with `checkCodeQuality` of the official miniprogram-ci package.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { taroBuild } from './build';
import { H5_ONLY_PAGES } from '../routes';
import { PAGES, ROOT, WEAPP_DIR } from './paths';
import { filesUnder, formatPackageSizes, MAIN_PACKAGE_BUDGET, packageSizes } from '../../config/package-sizes';

jest.setTimeout(300_000);

/**
 * miniprogram-ci's checkCodeQuality on a weapp build, in a child process: its analyser leaves a
 * file watcher open, which ends with the child. The CI project insists on an upload key, which
 * the checks never use (nothing goes over the network): a throwaway one.
 */
function checkCodeQuality(dir: string): { name: string; success: boolean; text: string }[] {
  const script = `
    const ci = require('miniprogram-ci');
    const { privateKey } = require('node:crypto').generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const dir = process.argv[1];
    const appid = JSON.parse(require('node:fs').readFileSync(dir + '/project.config.json', 'utf8')).appid;
    ci.checkCodeQuality(new ci.Project({ appid, type: 'miniProgram', projectPath: dir, privateKey, ignores: ['node_modules/**/*'] }))
      .then((r) => { process.stdout.write('@@' + JSON.stringify(r.map(({ name, success, text }) => ({ name, success, text })))); process.exit(0); })
      .catch((e) => { console.error(e); process.exit(1); });`;
  const res = spawnSync(process.execPath, ['-e', script, dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (res.status !== 0) throw new Error(`checkCodeQuality failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  return JSON.parse(res.stdout.slice(res.stdout.lastIndexOf('@@') + 2));
}

/** Pages only the H5 build has (导购助手 opens in WeCom's chat toolbar, which shows web pages only). */
const H5_ONLY = H5_ONLY_PAGES.map((name) => PAGES[name]);

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

  it('keeps the main package within its 600 KiB budget', () => {
    const sizes = packageSizes(WEAPP_DIR);
    console.log(`[weapp] ${formatPackageSizes(sizes)}`);
    expect(sizes.map((s) => s.name).sort()).toEqual(['main', ...(appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''))].sort());
    expect(sizes.find((s) => s.name === 'main')!.bytes).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
  });

  it("passes WeChat's code-quality checks (miniprogram-ci checkCodeQuality, offline)", () => {
    const results = checkCodeQuality(WEAPP_DIR);
    for (const r of results) console.log(`[weapp] code quality ${r.success ? 'pass' : `FAIL (${r.text})`}: ${r.name}`);
    // Every check WeChat runs, WXML/WXSS compression among them (off before minifyWXML/minifyWXSS).
    expect(results.map((r) => r.name)).toEqual(expect.arrayContaining(['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN']));
    expect(results.filter((r) => !r.success).map((r) => `${r.name}: ${r.text}`)).toEqual([]);
  });
});
