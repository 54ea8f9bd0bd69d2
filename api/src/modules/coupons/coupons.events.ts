declare module '../outbox' {
  interface OutboxEvents {
    /**
     * HQ's push (or a segment push through it) granted a copy to a member: once per grant, in the
     * granting transaction. Carries what a notice shows, so subscribers need no coupon tables.
     */
    CouponPushed: { memberId: number; memberCouponId: number; templateId: number; batchKey: string; name: string; summary: string; validTo: string };
  }
}
export {};
