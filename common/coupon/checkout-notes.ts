/** notes.coupon of checkout (see common/order/checkout-notes.ts). */
import type { CouponCheckoutNote } from './types';

export type { CouponCheckoutNote };

declare module '../order/checkout-notes' {
  interface CheckoutNotes {
    /** The member's unused coupons for these lines, usable or with their reason, and the best. */
    coupon?: CouponCheckoutNote;
  }
}
