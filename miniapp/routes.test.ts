/** The page map: every source page is in it (and nothing else), app.json's lists come from it, URLs are built right. */
import fs from 'node:fs';
import path from 'node:path';
import { PAGE_TREE, PAGES, TAB_PAGES, url } from './routes';

function pagesOnDisk(dir = __dirname, rel = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (!e.isDirectory()) return e.name === 'index.config.ts' && rel ? [`${rel}/index`] : [];
    if (rel === '' && !['pages', 'packages'].includes(e.name)) return [];
    return pagesOnDisk(path.join(dir, e.name), rel ? `${rel}/${e.name}` : e.name);
  });
}

describe('routes', () => {
  it('names every page folder of the source, and only those', () => {
    expect(Object.values(PAGES).sort()).toEqual(pagesOnDisk().sort());
  });

  it('has the main package first, home first in it, the tab pages in it, and only packages/<x> roots after', () => {
    const [[mainRoot, main], ...subs] = Object.entries(PAGE_TREE);
    expect(mainRoot).toBe('pages');
    expect(`pages/${Object.values(main)[0]}/index`).toBe(PAGES.home);
    for (const tab of TAB_PAGES) expect(PAGES[tab].startsWith('pages/')).toBe(true);
    for (const [root] of subs) expect(root).toMatch(/^packages\/[a-z]+$/);
  });

  it('builds URLs with the set query values, encoded', () => {
    expect(url('signin')).toBe('/packages/points/signin/index');
    expect(url('orderDetail', { id: 12, pay: 1 })).toBe('/packages/order/detail/index?id=12&pay=1');
    expect(url('groupJoin', { campaignId: 3, groupId: undefined })).toBe('/packages/groupbuy/join/index?campaignId=3');
    expect(url('addressList', { mode: 'choose', selectedId: '' })).toBe('/packages/order/address/list/index?mode=choose');
    expect(url('orderConfirm', { from: 'cart', lines: '1x2,3x1' })).toBe('/packages/order/confirm/index?from=cart&lines=1x2%2C3x1');
    expect(url('product', { id: 5, t: 'a b&c' })).toBe('/pages/product/index?id=5&t=a%20b%26c');
  });
});
