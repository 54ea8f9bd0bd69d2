/**
 * The cart's part in checkout: an order placed from the cart (`fromCart: true`) takes the bought
 * SKUs out of the shopper's cart in the order's own transaction, so a failed order leaves the
 * cart as it was. Nothing comes back to the cart when an order is cancelled.
 */
import { z } from 'zod';
import { RANK, type CheckoutContributor } from '../orders';
import type { CartService } from './cart.service';

export function cartContributor(cart: Pick<CartService, 'removeSkus'>): CheckoutContributor {
  return {
    name: 'cart',
    rank: RANK.cart,
    field: { name: 'fromCart', schema: z.boolean().default(false), description: '从购物车结算：下单后移出这些商品' },
    async reserve({ m, order, draft }) {
      if (draft.body.fromCart === true) await cart.removeSkus(m, order.memberId, draft.lines.map((l) => l.skuId));
    },
  };
}
