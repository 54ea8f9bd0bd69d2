/** notes.points of checkout (see common/order/checkout-notes.ts). */
import type { CheckoutPointsNote } from './types';

export type { CheckoutPointsNote };

declare module '../order/checkout-notes' {
  interface CheckoutNotes {
    /** The balance, the most this order may use, and what the preview applied. */
    points?: CheckoutPointsNote;
  }
}
