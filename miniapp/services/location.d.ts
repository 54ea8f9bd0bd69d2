/**
 * The shopper's location for sorting pickup stores nearest first, or null when the platform
 * cannot tell or the shopper refused (the list then keeps HQ's order). Never throws.
 */
export declare function currentLocation(): Promise<import('@common/pickup/types').GeoPoint | null>;
