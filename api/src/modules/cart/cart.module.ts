/** The shopper's cart; its contributor removes the ordered SKUs from the cart at checkout. */
import { defineModule } from '../../platform/module';
import { cartContributor } from './cart.contributor';
import { CartItem } from './cart.entities';
import { registerCartRoutes } from './cart.routes';
import { CartService } from './cart.service';

export const cartModule = defineModule({
  name: 'cart',
  entities: [CartItem],
  // The cart_item table came with the orders migration (1795400000000).
  migrations: [],
  errors: { CART_ITEM_NOT_FOUND: 404, CART_FULL: 409 },
  build(ctx) {
    const cart = new CartService(ctx.ds, ctx.tx, ctx.now);
    ctx.contributors.register(cartContributor(cart));
    ctx.routes((api) => registerCartRoutes(api, cart));
    return { cart };
  },
});
