/** notes.attribution of checkout (see common/order/checkout-notes.ts). */
import type { AttributionDecision } from './rules';

/** The guide the order belongs to, with its evidence and store: what the reserve snapshots. */
export interface AttributionCheckoutNote extends AttributionDecision {
  storeId: number | null;
}

declare module '../order/checkout-notes' {
  interface CheckoutNotes {
    attribution?: AttributionCheckoutNote;
  }
}
