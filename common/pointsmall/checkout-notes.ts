/** notes.pointsmall of checkout (see common/order/checkout-notes.ts). */

/** The points-mall item an order redeems: its points price and cash part. */
export interface MallCheckoutNote {
  itemId: number;
  points: number;
  cashFen: number;
}

declare module '../order/checkout-notes' {
  interface CheckoutNotes {
    pointsmall?: MallCheckoutNote;
  }
}
