/** Cart DTOs. The cart lives on the server, one per shopper; money is integer fen. */
import type { SkuSpecs } from '../catalogue/types';

/**
 * Why a cart line cannot be bought as it stands. Lines with a problem are shown, greyed, with
 * the reason; they are never silently dropped, and checkout skips them.
 *  - off_sale: the product or the SKU was taken off sale (or deleted);
 *  - out_of_stock: no stock left;
 *  - insufficient_stock: less stock than the quantity in the cart (`stock` says how much).
 */
export type CartProblem = 'off_sale' | 'out_of_stock' | 'insufficient_stock';

export const CART_PROBLEM_LABELS: Record<CartProblem, string> = {
  off_sale: '已下架',
  out_of_stock: '已售罄',
  insufficient_stock: '库存不足',
};

export interface CartItemDto {
  id: number;
  skuId: number;
  productId: number;
  title: string;
  image: string | null;
  specs: SkuSpecs;
  /** "白色 / M", or '' for a product without specs. */
  specLabel: string;
  unitPriceFen: number;
  quantity: number;
  stock: number;
  selected: boolean;
  problem: CartProblem | null;
}

export interface CartDto {
  items: CartItemDto[];
  /** Selected lines without a problem: what 结算 would buy. */
  selectedCount: number;
  selectedGoodsFen: number;
  /** Sum of quantities of every line, for the tab badge. */
  totalQuantity: number;
}
