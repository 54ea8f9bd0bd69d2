/** notes.pickup of checkout (see common/order/checkout-notes.ts). */

/** The store an order will be collected at: what the quote decided and the reserve writes. */
export interface PickupCheckoutNote {
  storeId: number;
  name: string;
  address: string;
  hours: string;
}

declare module '../order/checkout-notes' {
  interface CheckoutNotes {
    pickup?: PickupCheckoutNote;
  }
}
