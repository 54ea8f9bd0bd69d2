/** Steps several journeys take the same way, written once. */
import type { ProductDetailDto, SkuDto } from '@common/catalogue/types';
import { formatFen } from '@common/money';
import type { Driver } from '../driver';
import { PAGES } from '../paths';

export type Address = { name: string; phone: string; province: string; city: string; district: string; detail: string };
export const ADDRESS: Address = { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园南区 8 栋 1203' };

/** A product and the one SKU a journey buys. */
export interface Pick {
  product: ProductDetailDto;
  sku: SkuDto;
}

/** Opens a product and selects exactly this SKU (a tap on an active value would clear it). */
export async function openSku(d: Driver, { product, sku }: Pick): Promise<void> {
  await d.open(PAGES.product, { id: String(product.id) });
  await d.waitFor('.product-title', { text: product.title });
  for (const def of product.specs) {
    const active = await d.texts('.spec-value--active');
    if (!active.includes(sku.specs[def.name])) await d.tap('.spec-value', { text: sku.specs[def.name] });
  }
  await d.waitFor('.product-price', { text: formatFen(sku.priceFen) });
}

/** On the address form (opened from 确认订单 or the join page): type an address and save it. */
export async function fillAddress(d: Driver, address: Address = ADDRESS): Promise<void> {
  await d.waitFor('.address-form__name');
  for (const [field, value] of Object.entries(address)) await d.type(`.address-form__${field}`, value);
  await d.tap('.address-form__save');
}

/**
 * 立即购买 on the product page already open → 确认订单, adding the address first when the shopper
 * has none yet; waits until 确认订单 shows it.
 */
export async function buyNowToConfirm(d: Driver, firstTime: boolean, address: Address = ADDRESS): Promise<void> {
  await d.tap('.buy-now');
  await d.waitFor('.order-submit');
  if (firstTime) {
    await d.tap('.address-card');
    await fillAddress(d, address);
  }
  await d.waitFor('.address-card__detail', { text: address.detail });
}

/** A page that needs a session, opened logged out: its login prompt shows; 登录 there (the page stays). */
export async function loginOnPrompt(d: Driver): Promise<void> {
  await d.waitFor('.login-prompt__title', { text: '请先登录' });
  await d.tap('.login-prompt__button', { text: '登录' });
}
