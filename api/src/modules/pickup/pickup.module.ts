/**
 * 门店自提 (pickup in store): stores as pickup points (HQ's profile of each), a checkout
 * contributor that turns an order into a pickup order at a store (no address, no freight, a
 * pickup code), a hook that keeps the pickup row in step with the order's transitions, and the
 * counter's lookup and 核销 (findPickup / collectPickup, also used by the POS routes).
 */
import { Pickup1796420000000 } from '../../db/migrations/1796420000000-pickup';
import { defineModule } from '../../platform/module';
import { guidesModule } from '../guides';
import { ordersModule } from '../orders';
import { pickupContributor } from './pickup.contributor';
import { PickupOrder, PickupStore } from './pickup.entities';
import { registerPickupHooks } from './pickup.hooks';
import { registerPickupRoutes } from './pickup.routes';
import { PickupService, type CollectInput } from './pickup.service';
import { PickupStores } from './pickup-stores';

export const pickupModule = defineModule({
  name: 'pickup',
  entities: [PickupStore, PickupOrder],
  migrations: [Pickup1796420000000],
  errors: { PICKUP_STORE_NOT_FOUND: 404, PICKUP_NOT_FOUND: 404, PICKUP_NOT_READY: 409, PICKUP_ALREADY_COLLECTED: 409 },
  build(ctx) {
    const orders = ctx.use(ordersModule);
    const stores = new PickupStores(ctx.ds, ctx.tx, ctx.use(guidesModule).guideDirectory, ctx.now);
    const service = new PickupService(ctx.ds, orders.orderFacts, orders.orderLifecycle, stores);
    ctx.contributors.register(pickupContributor(stores));
    registerPickupHooks(ctx.hooks);
    ctx.routes((api) => registerPickupRoutes(api, stores, service));
    return {
      /** The counter's API (POS routes, HQ 自提核销), per the contract: see index.ts. */
      findPickup: (storeId: number, code: string) => service.findPickup(storeId, code),
      collectPickup: (input: CollectInput) => service.collectPickup(input),
      pickupStores: stores,
      pickup: service,
    };
  },
});
