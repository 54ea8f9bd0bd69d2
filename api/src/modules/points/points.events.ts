declare module '../outbox' {
  interface OutboxEvents {
    /** Points of a member's lots expire at `expiresAt` (sent 30 days before, once per member and date). */
    PointsExpiring: { memberId: number; points: number; expiresAt: string };
  }
}
export {};
