/** notes.groupbuy of checkout (see common/order/checkout-notes.ts). */

/** The seat an order takes: what the quote decided and the reserve writes. */
export interface SeatCheckoutNote {
  campaignId: number;
  /** The group joined; null opens a new one. */
  groupId: number | null;
  quantity: number;
  groupSize: number;
  perShopperLimit: number;
  /** When a group opened now would expire (ISO time). */
  deadline: string;
}

declare module '../order/checkout-notes' {
  interface CheckoutNotes {
    groupbuy?: SeatCheckoutNote;
  }
}
