declare module '../outbox' {
  interface OutboxEvents {
    /** Every seat of the group is paid; its seats' orders are now paid (待发货). */
    GroupSucceeded: { groupId: number };
    /** The group failed; refundIds: the full automatic refunds of its paid seats, to send to WeChat Pay. */
    GroupFailed: { groupId: number; refundIds: number[] };
  }
}
export {};
