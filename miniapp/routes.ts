/**
 * Every page of the mini-program, once: a name → its path, the query each page reads, and a typed
 * `url(name, query)` builder. app.config.ts derives its page lists from here, and the browser
 * journeys open pages by these names. No Taro import (types only from common/), so node tests can read it.
 */
import type { CouponTabKey } from '@common/coupon/state';
import type { OrderTabKey } from '@common/order/state';

/**
 * Each package root and its pages: name → folder under the root (`/index` implied). `pages` is the
 * main package (the tab pages, and product detail, where share cards land); each `packages/<x>`
 * root is a subpackage that loads on first use.
 */
export const PAGE_TREE = {
  pages: { home: 'index', category: 'category', cart: 'cart', mine: 'mine', product: 'product' },
  'packages/search': { search: 'main' },
  'packages/order': { orderConfirm: 'confirm', orderList: 'list', orderDetail: 'detail', addressList: 'address/list', addressEdit: 'address/edit' },
  'packages/groupbuy': { groupCampaign: 'campaign', group: 'group', groupJoin: 'join', myGroups: 'mine' },
  'packages/coupons': { myCoupons: 'mine', couponCenter: 'center' },
  'packages/pointsmall': { pointsMall: 'list', mallItem: 'detail', redemptions: 'records' },
  'packages/points': { signin: 'signin', pointsLedger: 'ledger' },
  // guideSidebar: 导购助手, the page of WeCom's chat toolbar (H5 only, see H5_ONLY_PAGES).
  'packages/guide': { myGuide: 'mine', guideWorkbench: 'workbench', guideSidebar: 'sidebar' },
  // 会员卡 (开卡 with the phone number) and 会员码 (shown at the store counter).
  'packages/member': { memberCard: 'card', memberCode: 'code' },
} as const;

type Tree = typeof PAGE_TREE;
export type PageName = { [R in keyof Tree]: keyof Tree[R] }[keyof Tree];

/** Page paths without the leading slash (as app.json and the H5 hash use them), by name. */
export const PAGES = {} as Record<PageName, string>;
for (const [root, pages] of Object.entries(PAGE_TREE)) {
  for (const [name, folder] of Object.entries(pages)) PAGES[name as PageName] = `${root}/${folder}/index`;
}

/**
 * Pages only the H5 build has: WeCom's chat toolbar shows web pages, never the mini-program, so
 * the weapp build (and its package sizes) leaves them out.
 */
export const H5_ONLY_PAGES = ['guideSidebar'] as const satisfies readonly PageName[];

/** The tab bar's pages, in order (switchTab, not navigateTo; the cart badge is index 2). */
export const TAB_PAGES = ['home', 'category', 'cart', 'mine'] as const satisfies readonly PageName[];

type Id = number | string;

/** The query each page reads (`t` is a guide's share token, `scene` a poster code's). */
export interface PageQueries {
  product: { id?: Id; t?: string; scene?: string };
  orderConfirm: { lines: string; from?: 'cart' };
  orderList: { tab?: OrderTabKey };
  orderDetail: { id: Id; pay?: 1 };
  addressList: { mode?: 'choose'; selectedId?: Id };
  addressEdit: { id?: Id; choose?: 1; back?: 2 };
  groupCampaign: { id: Id; t?: string };
  group: { id: Id; t?: string };
  groupJoin: { campaignId: Id; groupId?: Id };
  myCoupons: { tab?: CouponTabKey };
  mallItem: { id: Id };
}

type QueryOf<N extends PageName> = N extends keyof PageQueries ? PageQueries[N] : Record<string, never>;
/** `url('signin')`, but `url('orderDetail', { id })`: a page with a required key needs its query. */
type QueryArg<N extends PageName> = N extends keyof PageQueries ? ({} extends PageQueries[N] ? [query?: PageQueries[N]] : [query: PageQueries[N]]) : [];

/** Query string of the set values, keys in the given order, values URI-encoded. */
function queryString(query: Record<string, string | number | boolean | null | undefined> = {}): string {
  return Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** The absolute page URL for navigateTo / redirectTo / switchTab and share paths. */
export function url<N extends PageName>(name: N, ...[query]: QueryArg<N>): string {
  const qs = queryString(query as QueryOf<N> | undefined);
  return `/${PAGES[name]}${qs ? `?${qs}` : ''}`;
}
