/**
 * MemberVisited is published by the segments module (visit days); this module consumes it. The
 * payload type is the contract both modules declare identically (identical merged members are legal).
 */
declare module '../outbox' {
  interface OutboxEvents {
    /** A member's first visit of a Beijing day; storeId/guideId: their bound guide's then (null when unbound). */
    MemberVisited: { memberId: number; day: string /* Beijing YYYY-MM-DD */; storeId: number | null; guideId: number | null };
  }
}
export {};
