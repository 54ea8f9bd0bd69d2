/**
 * "Can this SKU be bought now, in this quantity?" — the one rule the cart (flags problem lines),
 * the checkout quote (refuses) and stock reservation (explains a refused conditional update) all
 * ask, so the three never disagree.
 */

/** The largest stock a SKU may hold (HQ adjustments beyond it are refused; INT fits 2^31). */
export const MAX_STOCK = 9_999_999;

export type BuyProblem =
  /** Missing, or its product is a draft: as invisible to shoppers as a SKU that never existed. */
  | 'not_found'
  | 'off_sale'
  | 'out_of_stock'
  /** Some stock, less than asked. */
  | 'insufficient_stock';

export interface BuyableProduct {
  status: 'draft' | 'on_sale' | 'off_sale';
}
export interface BuyableSku {
  status: 'on_sale' | 'off_sale';
  stock: number;
}

/** null when `quantity` of the SKU can be bought now; otherwise why not. */
export function buyProblem(product: BuyableProduct | null | undefined, sku: BuyableSku | null | undefined, quantity: number): BuyProblem | null {
  if (!sku || !product || product.status === 'draft') return 'not_found';
  if (sku.status !== 'on_sale' || product.status !== 'on_sale') return 'off_sale';
  if (sku.stock <= 0) return 'out_of_stock';
  if (sku.stock < quantity) return 'insufficient_stock';
  return null;
}
