/**
 * The demo catalogue: a Chinese lifestyle / apparel retail chain's store (clothing, beauty and
 * home goods). Pure data, no I/O: the seeder turns it into rows. Money is integer fen; images are
 * site-relative paths of SVG files under api/assets.
 */
import { BEAUTY, HOME, KIDS, MEN, WOMEN, type DemoBanner, type DemoCategory, type DemoProduct } from './demo-kit';
import { APPAREL_PRODUCTS } from './demo-products-apparel';
import { HOME_PRODUCTS } from './demo-products-home';
import { KIDS_BEAUTY_PRODUCTS } from './demo-products-kids-beauty';

export type { DemoBanner, DemoCategory, DemoProduct, DemoSku } from './demo-kit';

export const DEMO_CATEGORIES: DemoCategory[] = [
  { name: WOMEN, icon: '/assets/categories/women.svg' },
  { name: MEN, icon: '/assets/categories/men.svg' },
  { name: KIDS, icon: '/assets/categories/kids.svg' },
  { name: BEAUTY, icon: '/assets/categories/beauty.svg' },
  { name: HOME, icon: '/assets/categories/home.svg' },
];

export const DEMO_PRODUCTS: DemoProduct[] = [...APPAREL_PRODUCTS, ...KIDS_BEAUTY_PRODUCTS, ...HOME_PRODUCTS];

export const DEMO_BANNERS: DemoBanner[] = [
  { title: '秋冬上新 · 全场满299减50', image: '/assets/banners/autumn-new.svg', productKey: 'men-hooded-down-jacket' },
  { title: '新人专享礼', image: '/assets/banners/new-member-gift.svg', productKey: null },
  { title: '会员积分兑好礼', image: '/assets/banners/points-exchange.svg', productKey: 'ceramic-mug' },
];
