declare module '../outbox' {
  interface OutboxEvents {
    /** A WeCom customer-contact callback was accepted; linking and the welcome message run after the reply. */
    WecomContactChanged: { wecomEventId: number };
  }
}
export {};
