/** Public entry of the coupons module: templates, grants (inside a caller's transaction) and the wallet. */
export { couponsModule, type CouponServices } from './coupons.module';
export { ensureHolding, grantInTx } from './coupon-grants';
export type { CouponTemplates } from './coupon-templates';
export type { RedeemInStoreInput } from './store-coupons';
export type { StoreRedemption } from '@common/coupon/types';
