/**
 * Public entry of the pickup module (门店自提). Other modules (the POS routes) use
 * `ctx.use(pickupModule)`:
 * - findPickup(storeId, code): the store's pickup order behind a code, or null (unknown code or
 *   another store's);
 * - collectPickup({ storeId, code, by }): 核销, completes the order; AppError PICKUP_NOT_FOUND
 *   (404, another store's code too), PICKUP_ALREADY_COLLECTED / PICKUP_NOT_READY (409).
 */
export { pickupModule } from './pickup.module';
export type { PickupService, CollectInput } from './pickup.service';
export type { PickupStores } from './pickup-stores';
export type { PickupView, PickupState, PickupStoreDto, ShopperPickupDto } from '@common/pickup/types';
