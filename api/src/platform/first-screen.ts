/**
 * 首页's first screen rendered on the server into the H5 build's index.html: on a phone network
 * the app's own scripts cannot put products on screen before ~3 s (three round trips and ~170 KiB),
 * while index.html arrives after one. This is plain HTML and CSS, no script of the app: the
 * header, the banner's placeholder and the first products as the app's grid shows them (same
 * class names and text), in a block that covers the page until the app's 首页 has its own products
 * and removes it (miniapp/utils/first-screen.ts). A static card is a plain link to the product's
 * H5 route, so a tap before the app is up still opens the product.
 *
 * The products are what the catalogue's public 首页 list answers (the catalogue module provides
 * them, cached and coalesced per process like that answer). Titles, tags and picture addresses
 * are shop data typed into the HQ console: every text and attribute is HTML-escaped here.
 */
import { formatCount } from '@common/catalogue/count';
import type { ProductCardDto } from '@common/catalogue/types';
import { formatFen, splitFen } from '@common/money';

/** The id of the block; the app removes the element with this id (miniapp/utils/first-screen.ts). */
export const FIRST_SCREEN_ID = 'first-screen';
/** Three rows of two: more than a 375×812 screen shows below the header and banner. */
export const FIRST_SCREEN_PRODUCTS = 6;

/** The 首页 list's first page, as the catalogue answers it; `version` changes whenever the answer does. */
export interface FirstScreenProducts {
  version: string;
  /** Called only for a version not rendered yet (parsing the kept answer costs a little). */
  products(): ProductCardDto[];
}

/**
 * Where index.html gets its first products from: the catalogue module provides the source when it
 * is built (like StoreScope's port); without one, index.html is served as built.
 */
export class FirstScreen {
  private source: (() => Promise<FirstScreenProducts>) | null = null;

  provide(source: () => Promise<FirstScreenProducts>): void {
    this.source = source;
  }

  read(): Promise<FirstScreenProducts> | null {
    return this.source ? this.source() : null;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values alike: nothing in shop data can open a tag or leave an attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The product page's H5 route (miniapp/routes.ts: PAGES.product, hash router). */
export function productHref(id: number): string {
  return `#/pages/product/index?id=${Math.trunc(id)}`;
}

function card(p: ProductCardDto): string {
  const { sign, yuan, cents } = splitFen(p.priceFen);
  const tags = p.tags.slice(0, 3).map((t) => `<span class="product-card__tag">${escapeHtml(t)}</span>`);
  const original = p.originalPriceFen != null && p.originalPriceFen > p.priceFen ? `<span class="price-original product-card__original">${escapeHtml(formatFen(p.originalPriceFen))}</span>` : '';
  return (
    `<div class="product-grid__cell"><a class="product-card product-card--grid" href="${escapeHtml(productHref(p.id))}">` +
    `<div class="product-card__cover"><img class="product-card__image" src="${escapeHtml(p.cover)}" alt="" fetchpriority="low"></div>` +
    `<div class="product-card__body"><span class="product-card__title">${escapeHtml(p.title)}</span>` +
    (tags.length ? `<div class="product-card__tags">${tags.join('')}</div>` : '') +
    `<div class="product-card__footer"><div class="product-card__prices">` +
    `<div class="price price--sm"><span class="price__symbol">${sign}¥</span><span class="price__yuan">${yuan}</span><span class="price__cents">.${cents}</span></div>${original}</div>` +
    `<span class="product-card__sales">已售 ${escapeHtml(formatCount(p.salesCount))}</span></div></div></a></div>`
  );
}

/**
 * The block's own styles, scoped to it: the app's stylesheets (inlined in index.html by the
 * build) style the same class names alike, but the block must not depend on them. Sizes in rem,
 * as the build's pxtransform writes them (750-wide design, 1rem = 40 design px; index.html's head
 * script sets the root font size before the body is parsed).
 */
const CSS = [
  '#S{position:fixed;top:0;right:0;bottom:0;left:0;z-index:400;overflow-y:auto;background:#f6f6f6;color:#1f1f1f;font-family:-apple-system,BlinkMacSystemFont,PingFang SC,Hiragino Sans GB,Noto Sans CJK SC,Microsoft YaHei,Helvetica Neue,Arial,sans-serif;font-size:.7rem;line-height:1.5;-webkit-font-smoothing:antialiased}',
  '#S a{color:inherit;text-decoration:none}',
  '#S .home__header{background:linear-gradient(135deg,#f25a3c,#e8452c);padding:.5rem .6rem 2.4rem}',
  '#S .home__brand{display:flex;align-items:baseline;margin-bottom:.5rem}',
  '#S .home__logo{color:#fff;font-size:1rem;font-weight:700;letter-spacing:.025rem}',
  '#S .home__slogan{color:rgba(255,255,255,.85);font-size:.55rem;margin-left:.4rem}',
  '#S .home-search{display:flex;align-items:center;background:#fff;border-radius:.9rem;height:1.8rem;padding:0 .2rem 0 .6rem}',
  '#S .home-search__placeholder{flex:1;color:#bfbfbf;font-size:.65rem;margin-left:.3rem}',
  '#S .home-search__button{background:linear-gradient(135deg,#f25a3c,#e8452c);border-radius:.7rem;color:#fff;font-size:.65rem;height:1.4rem;line-height:1.4rem;padding:0 .7rem}',
  '#S .home-banner{background:#f3e3df;border-radius:.6rem;height:7.5rem;margin:-1.9rem .6rem 0}',
  '#S .home__promises{display:flex;justify-content:space-around;padding:.45rem .6rem .15rem}',
  '#S .home__promise{display:flex;align-items:center;color:#595959;font-size:.55rem}',
  '#S .home__promise-dot{color:#e8452c;font-weight:700;margin-right:.15rem}',
  '#S .home__section-title{display:flex;align-items:baseline;padding:.9rem .6rem .5rem}',
  '#S .home__section-main{font-size:.85rem;font-weight:700}',
  '#S .home__section-sub{color:#8c8c8c;font-size:.55rem;margin-left:.4rem}',
  '#S .product-grid{display:flex;flex-wrap:wrap;justify-content:space-between;padding:0 .6rem}',
  '#S .product-grid__cell{display:flex;width:calc(50% - .3rem);margin-bottom:.5rem}',
  '#S .product-card{flex:1;display:flex;flex-direction:column;background:#fff;border-radius:.4rem;overflow:hidden}',
  '#S .product-card__cover{position:relative;width:100%;height:0;padding-bottom:100%;background:#f3f3f3;overflow:hidden}',
  '#S .product-card__image{position:absolute;top:0;left:0;display:block;width:100%;height:100%;object-fit:cover}',
  '#S .product-card__body{flex:1;display:flex;flex-direction:column;min-width:0;padding:.4rem .45rem .5rem}',
  '#S .product-card__title{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;word-break:break-all;font-size:.675rem;line-height:.95rem}',
  '#S .product-card__tags{display:flex;flex-wrap:nowrap;overflow:hidden;height:.8rem;margin-top:.25rem}',
  '#S .product-card__tag{flex-shrink:0;height:.75rem;line-height:.75rem;padding:0 .25rem;margin-right:.2rem;font-size:.5rem;color:#e8452c;background:#fff1ed;border-radius:.15rem}',
  '#S .product-card__footer{display:flex;align-items:flex-end;justify-content:space-between;margin-top:auto;padding-top:.3rem}',
  '#S .product-card__prices{display:flex;align-items:baseline;flex-wrap:wrap;min-width:0}',
  '#S .product-card__sales{flex-shrink:0;margin-left:.2rem;font-size:.525rem;color:#8c8c8c}',
  '#S .price{display:inline-block;color:#e8452c;font-weight:600;line-height:1;white-space:nowrap}',
  '#S .price__symbol,#S .price__cents{font-size:.55rem}',
  '#S .price__yuan{font-size:.75rem;font-family:DIN Alternate,Helvetica Neue,Arial,sans-serif}',
  '#S .price-original{margin-left:.2rem;color:#bfbfbf;font-size:.55rem;text-decoration:line-through;white-space:nowrap}',
]
  .join('')
  .replace(/#S/g, `#${FIRST_SCREEN_ID}`);

/** 首页's row under the banner (pages/index/index.tsx: PROMISES). */
const PROMISES = ['正品保障', '极速发货', '7天无理由退换'].map((p) => `<div class="home__promise"><span class="home__promise-dot">✓</span><span>${p}</span></div>`).join('');

/**
 * Runs as soon as the block is parsed: it only belongs to 首页, but index.html answers every hash
 * route (a shared product link lands on #/pages/product/index), and a tap on a static card
 * changes the hash before the app is there to do it.
 */
const SCRIPT =
  `(function(){var s=document.getElementById('${FIRST_SCREEN_ID}');function home(){return /^#?\\/?(pages\\/index\\/index)?([?].*)?$/.test(location.hash)}` +
  `function check(){if(s&&!home()){s.remove();s=null;removeEventListener('hashchange',check)}}check();if(s)addEventListener('hashchange',check)})()`;

/** The block for these products (the first FIRST_SCREEN_PRODUCTS of them), with its style and script. */
export function renderFirstScreen(products: readonly ProductCardDto[]): string {
  const cards = products.slice(0, FIRST_SCREEN_PRODUCTS).map(card).join('');
  return (
    `<div id="${FIRST_SCREEN_ID}"><style>${CSS}</style>` +
    `<div class="home__header"><div class="home__brand"><span class="home__logo">Loopmall</span><span class="home__slogan">品质好物 · 会员专享</span></div>` +
    `<div class="home-search"><span class="home-search__placeholder">搜索商品名称</span><span class="home-search__button">搜索</span></div></div>` +
    `<div class="home-banner"></div><div class="home__promises">${PROMISES}</div>` +
    `<div class="home__section-title"><span class="home__section-main">新品上架</span><span class="home__section-sub">每周上新 · 限时好价</span></div>` +
    `<div class="product-grid">${cards}</div><script>${SCRIPT}</script></div>`
  );
}

/**
 * index.html with the block right after the app's root (so it paints before the scripts, which
 * are deferred, run). An index.html without that root is returned as it is.
 */
export function injectFirstScreen(html: string, block: string): string {
  const root = /<div id="app"><\/div>/.exec(html);
  if (!root) return html;
  const at = root.index + root[0].length;
  return html.slice(0, at) + block + html.slice(at);
}
