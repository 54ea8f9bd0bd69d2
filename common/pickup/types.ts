/** 门店自提 (pickup in store): DTOs shared by the API, the mini-program and the HQ console. */

/** A point on the map, in degrees (WGS-84, what wx.getLocation gives with type 'wgs84'). */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** What HQ sets of a store for pickup (门店资料). */
export interface PickupStoreInput {
  /** Street address shown to shoppers (取货地址). */
  address: string;
  /** Opening hours as shown, e.g. 10:00-22:00. */
  hours: string;
  lat: number | null;
  lng: number | null;
  /** Whether shoppers may choose this store at checkout. */
  enabled: boolean;
}

/** A store as the pickup pages show it. */
export interface PickupStoreDto extends PickupStoreInput {
  storeId: number;
  name: string;
  city: string;
  /** Metres from the shopper's location, when it was given and the store has one; else null. */
  distanceM: number | null;
}

/** A pickup order's own state, kept beside the order's status (see api pickup hooks). */
export const PICKUP_STATES = ['awaiting_payment', 'ready', 'on_hold', 'collected', 'closed'] as const;
export type PickupState = (typeof PICKUP_STATES)[number];

export const PICKUP_STATE_LABELS: Record<PickupState, string> = {
  awaiting_payment: '待付款',
  ready: '待自提',
  on_hold: '退款中',
  collected: '已自提',
  closed: '已关闭',
};

/** A pickup order as the store counter sees it (findPickup / collectPickup; the POS contract). */
export interface PickupView {
  orderId: number;
  orderNo: string;
  state: PickupState;
  memberId: number;
  lines: { title: string; quantity: number }[];
  payFen: number;
  /** ISO times. */
  readyAt: string | null;
  collectedAt: string | null;
}

/** A pickup order as its shopper sees it (订单详情). The code is shown only once it is ready. */
export interface ShopperPickupDto {
  orderId: number;
  state: PickupState;
  code: string | null;
  store: { storeId: number; name: string; address: string; hours: string };
  readyAt: string | null;
  collectedAt: string | null;
}
