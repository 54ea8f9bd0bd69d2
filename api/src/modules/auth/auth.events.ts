declare module '../outbox' {
  interface OutboxEvents {
    /**
     * A shopper's first login created their member (exactly once per member, in that transaction).
     * shareToken: the token of the share path they arrived by, unverified (a referral's evidence).
     */
    MemberRegistered: { memberId: number; shareToken: string | null };
  }
}
export {};
