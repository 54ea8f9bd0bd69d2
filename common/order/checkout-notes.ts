/**
 * What checkout contributors tell 确认订单 (and their own reserve), by contributor name: the
 * preview's `notes`. Empty here on purpose: each feature adds its own key from its own
 * common/<feature>/checkout-notes.ts by declaration merging, e.g.
 *
 *   declare module '../order/checkout-notes' {
 *     interface CheckoutNotes { coupon?: CouponCheckoutNote }
 *   }
 *
 * so the API writes each note in its declared shape and the mini-program reads it without a cast.
 * A reader imports the feature's file (a type import is enough), which brings its key into view.
 */
export interface CheckoutNotes {}
