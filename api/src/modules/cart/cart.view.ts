/**
 * Builds the CartDto a shopper sees: every line with the catalogue's current title, picture,
 * specs, price and stock, and a `problem` when it cannot be bought as it stands. Lines are
 * flagged, never dropped. Reads SKUs and products through the catalogue's loadSkusWithProducts.
 */
import type { EntityManager } from 'typeorm';
import type { CartDto, CartItemDto, CartProblem } from '@common/cart/types';
import { buyProblem } from '@common/catalogue/buyable';
import { specLabel } from '@common/catalogue/sku';
import { loadSkusWithProducts, type ProductSnapshot as Product, type SkuSnapshot as Sku } from '../catalogue';
import { CartItem } from './cart.entities';

/** The catalogue's buyability rule, in the cart's words: a line that no longer exists shows as off sale. */
export function problemOf(product: Product | undefined, sku: Sku | undefined, quantity: number): CartProblem | null {
  const problem = buyProblem(product, sku, quantity);
  return problem === 'not_found' ? 'off_sale' : problem;
}

function toCartItemDto(item: CartItem, sku: Sku | undefined, product: Product | undefined): CartItemDto {
  return {
    id: item.id,
    skuId: item.skuId,
    productId: sku?.productId ?? 0,
    // A SKU or product removed from the catalogue still shows, as off sale, so the shopper can delete it.
    title: product?.title ?? '商品已失效',
    image: product?.images[0] ?? null,
    specs: sku?.specs ?? {},
    specLabel: sku ? specLabel(product?.specs ?? [], sku.specs) : '',
    unitPriceFen: sku?.priceFen ?? 0,
    quantity: item.quantity,
    stock: Math.max(0, sku?.stock ?? 0),
    selected: item.selected,
    problem: problemOf(product, sku, item.quantity),
  };
}

function summarise(items: CartItemDto[]): CartDto {
  const buyable = items.filter((i) => i.selected && i.problem === null);
  return {
    items,
    selectedCount: buyable.length,
    selectedGoodsFen: buyable.reduce((sum, i) => sum + i.unitPriceFen * i.quantity, 0),
    totalQuantity: items.reduce((sum, i) => sum + i.quantity, 0),
  };
}

/** The shopper's cart, newest line first. */
export async function loadCart(m: EntityManager, memberId: number): Promise<CartDto> {
  const rows = await m.find(CartItem, { where: { memberId }, order: { id: 'DESC' } });
  if (rows.length === 0) return summarise([]);
  const { skus: skuById, products: productById } = await loadSkusWithProducts(m, [...new Set(rows.map((r) => r.skuId))]);
  return summarise(
    rows.map((row) => {
      const sku = skuById.get(row.skuId);
      return toCartItemDto(row, sku, sku ? productById.get(sku.productId) : undefined);
    }),
  );
}
