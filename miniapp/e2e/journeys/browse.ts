/**
 * The foundation journey, written once for both drivers: home -> a category -> search 「T恤」 ->
 * a product -> pick a SKU and see its price and stock -> log in on 我的. Expectations come from
 * the API the page talks to, never from numbers pinned here.
 */
import { specLabel } from '@common/catalogue/sku';
import type { CategoryDto, ProductCardDto, ProductDetailDto } from '@common/catalogue/types';
import { formatFen } from '@common/money';
import type { Page } from '@common/paging';
import type { Driver } from '../driver';
import { PAGES } from '../paths';

export type ApiGet = <T>(path: string) => Promise<T>;

export const SEARCH_TERM = 'T恤';

export async function browseJourney(d: Driver, api: ApiGet): Promise<void> {
  // 首页: banners and a product grid.
  await d.open(PAGES.home);
  await d.waitFor('.home-banner');
  await d.waitFor('.product-card');
  expect((await d.texts('.product-card__title')).every((t) => t.length > 0)).toBe(true);
  await d.screenshot('home');

  // 分类: pick the second category and see only its products.
  const categories = await api<CategoryDto[]>('/api/categories');
  const category = categories[1];
  await d.switchTab(PAGES.category);
  await d.waitFor('.category-item', { text: category.name });
  await d.tap('.category-item', { text: category.name });
  await d.waitFor('.category-item--active', { text: category.name });
  const inCategory = await api<Page<ProductCardDto>>(`/api/products?categoryId=${category.id}&pageSize=50`);
  await d.waitFor('.product-card__title', { text: inCategory.items[0].title });
  const shown = await d.texts('.product-card__title');
  expect(shown.length).toBeGreaterThan(0);
  const allowed = new Set(inCategory.items.map((p) => p.title));
  expect(shown.filter((t) => !allowed.has(t))).toEqual([]);

  // 搜索: the results are exactly what the API finds for the same words.
  await d.open(PAGES.search);
  await d.waitFor('.search-input');
  await d.type('.search-input', SEARCH_TERM);
  const found = await api<Page<ProductCardDto>>(`/api/products?keyword=${encodeURIComponent(SEARCH_TERM)}&pageSize=50`);
  expect(found.total).toBeGreaterThan(0);
  await d.waitFor('.product-card__title', { text: found.items[0].title });
  const results = await d.texts('.product-card__title');
  expect(results.length).toBe(Math.min(found.total, results.length));
  expect(results.some((t) => t.includes(SEARCH_TERM))).toBe(true);

  // 商品详情: a T恤 with specs to choose from.
  const details = await Promise.all(found.items.map((p) => api<ProductDetailDto>(`/api/products/${p.id}`)));
  const product = details.find((p) => p.specs.length > 0 && p.skus.some((s) => s.stock > 0)) ?? details[0];
  await d.tap('.product-card__title', { text: product.title });
  await d.waitFor('.product-title', { text: product.title });
  expect(await d.currentRoute()).toBe(PAGES.product);

  // Pick a buyable SKU value by value; price, stock and summary follow the selection.
  const sku = product.skus.find((s) => s.stock > 0 && s.status === 'on_sale')!;
  for (const def of product.specs) await d.tap('.spec-value', { text: sku.specs[def.name] });
  await d.waitFor('.product-price', { text: formatFen(sku.priceFen) });
  await d.waitFor('.product-stock', { text: `库存 ${sku.stock} 件` });
  if (product.specs.length) await d.waitFor('.sku-summary', { text: specLabel(product.specs, sku.specs) });
  expect(await d.texts('.spec-value--active')).toEqual(product.specs.map((def) => sku.specs[def.name]));
  await d.screenshot('product');

  // 我的: log in (wx.login on weapp, the development login on H5) and see the member.
  await d.switchTab(PAGES.mine);
  await d.waitFor('.mine-login');
  await d.tap('.mine-login');
  await d.waitFor('.mine-nickname', { text: '微信用户' });
}
