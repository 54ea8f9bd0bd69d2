declare module '../outbox' {
  interface OutboxEvents {
    /**
     * A logged-in shopper used the app on a Beijing day: published once per member and day, in the
     * transaction that first inserted the visit-day row. storeId/guideId: the bound guide's, then.
     */
    MemberVisited: { memberId: number; day: string; storeId: number | null; guideId: number | null };
    /** HQ pushed a coupon to a segment or tag; the handler grants it member by member. */
    SegmentPushRequested: { pushId: number };
  }
}
export {};
