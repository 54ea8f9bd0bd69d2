declare module '../outbox' {
  interface OutboxEvents {
    /** A WeCom customer-contact callback was accepted; linking and the welcome message run after the reply. */
    WecomContactChanged: { wecomEventId: number };
    /** A shopper opened a guide's share or card path (one per shopper, guide and hour), in the touch's transaction. */
    GuideTouched: { memberId: number; guideId: number; day: string /* Beijing YYYY-MM-DD */ };
    /** A shopper known to be a member became (again) a guide's WeCom contact, in the linking transaction. */
    WecomContactAdded: { memberId: number; guideId: number; day: string /* Beijing YYYY-MM-DD */ };
  }
}
export {};
