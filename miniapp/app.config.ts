import { H5_ONLY_PAGES, PAGE_TREE, PAGES, TAB_PAGES } from './routes';

const TAB_TEXT: Record<(typeof TAB_PAGES)[number], string> = { home: '首页', category: '分类', cart: '购物车', mine: '我的' };

// Pages come from routes.ts: `pages/…` is the main package (home first, it opens at launch), each
// `packages/<x>` root a subpackage (search, checkout and orders, group-buy, coupons, points mall,
// points, the guide pages) loaded on first use.
const SEARCH_ROOT = 'packages/search' satisfies keyof typeof PAGE_TREE;
// The H5-only pages (导购助手 of WeCom's chat toolbar) stay out of the weapp build.
const H5_ONLY = new Set<string>(process.env.TARO_ENV === 'h5' ? [] : H5_ONLY_PAGES);
const [main, ...subs] = Object.entries(PAGE_TREE).map(([root, pages]) => ({
  root,
  pages: Object.entries(pages)
    .filter(([name]) => !H5_ONLY.has(name))
    .map(([, folder]) => `${folder}/index`),
}));

export default defineAppConfig({
  pages: main.pages.map((p) => `${main.root}/${p}`),
  subPackages: subs,
  // 搜索 is one tap from 首页: fetch its subpackage while 首页 shows.
  preloadRule: { [PAGES.home]: { network: 'all', packages: [SEARCH_ROOT] } },
  // WeCom's contact plugin (「联系我」 in the mini-program): the add-your-guide prompt and 我的导购.
  plugins: { contactPlugin: { version: '1.4.3', provider: 'wx104a1a20c3f81ec2' } },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f6f6f6',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'Loopmall',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8c8c8c',
    selectedColor: '#e8452c',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    // Icons are named after the tab: assets/tabbar/<tab>.png and <tab>-active.png.
    list: TAB_PAGES.map((tab) => ({ pagePath: PAGES[tab], text: TAB_TEXT[tab], iconPath: `assets/tabbar/${tab}.png`, selectedIconPath: `assets/tabbar/${tab}-active.png` })),
  },
  lazyCodeLoading: 'requiredComponents',
  // Since 2022-07-14 wx.chooseAddress (「一键获取微信地址」) must be declared here, or it fails.
  // wx.getLocation sorts 到店自提's stores nearest first (a refusal keeps HQ's order).
  requiredPrivateInfos: ['chooseAddress', 'getLocation'],
  permission: { 'scope.userLocation': { desc: '用于为您推荐附近的自提门店' } },
});
