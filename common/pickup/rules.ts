/**
 * 门店自提 rules: distance on the globe, nearest-first ordering of stores, and the pickup code's
 * shape. Pure; no runtime dependencies.
 */
import type { OrderStatus } from '../order/state';
import type { GeoPoint, PickupState } from './types';

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine), rounded to the metre. */
export function haversineMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

/**
 * Stores with their distance from `origin`, nearest first; stores without a location (or no
 * origin at all) keep their given order after the located ones, with distance null.
 */
export function nearestFirst<T extends { lat: number | null; lng: number | null }>(stores: readonly T[], origin: GeoPoint | null): (T & { distanceM: number | null })[] {
  const withDistance = stores.map((s, i) => ({ s: { ...s, distanceM: origin && s.lat !== null && s.lng !== null ? haversineMeters(origin, { lat: s.lat, lng: s.lng }) : null }, i }));
  withDistance.sort((x, y) => {
    const dx = x.s.distanceM;
    const dy = y.s.distanceM;
    if (dx !== null && dy !== null && dx !== dy) return dx - dy;
    if (dx === null && dy !== null) return 1;
    if (dx !== null && dy === null) return -1;
    return x.i - y.i;
  });
  return withDistance.map((w) => w.s);
}

/** 1.2 km / 850 m, as the store list shows a distance. */
export function formatDistance(m: number): string {
  return m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${m} m`;
}

/**
 * A pickup code: 8 digits, drawn at random by the API (10^8 codes; the open ones are unique by a
 * database key). Digits only, so a counter can type it and a barcode can carry it.
 */
export const PICKUP_CODE_LENGTH = 8;
export const PICKUP_CODE_PATTERN = /^\d{8}$/;

export function isPickupCode(s: string): boolean {
  return PICKUP_CODE_PATTERN.test(s);
}

/** 1234 5678: how pages show a code (grouped for reading aloud at the counter). */
export function groupCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Coordinates stored as integer micro-degrees (portable int columns, ~0.1 m precision). */
export const toMicro = (deg: number): number => Math.round(deg * 1e6);
export const fromMicro = (micro: number): number => micro / 1e6;

/**
 * The pickup row's state for each order status a pickup order can be in: the order's
 * transitions drive it (one hook, inside their compare-and-set), so the two never disagree.
 */
export const PICKUP_STATE_OF: Partial<Record<OrderStatus, PickupState>> = {
  pending_payment: 'awaiting_payment',
  pickup_ready: 'ready',
  refunding: 'on_hold',
  completed: 'collected',
  cancelled: 'closed',
  refunded: 'closed',
};

/** Whether a code in this state still belongs to its order (unique among open ones). */
export const isOpenState = (s: PickupState): boolean => s !== 'collected' && s !== 'closed';
