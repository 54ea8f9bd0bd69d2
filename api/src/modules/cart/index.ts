/** Public entry of the cart module. */
export { cartModule } from './cart.module';
export type { CartService } from './cart.service';
