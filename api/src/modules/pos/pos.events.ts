declare module '../outbox' {
  interface OutboxEvents {
    /** An offline sale was posted by a store's POS (the metrics' daily aggregates count it as offline GMV). */
    OfflineSaleRecorded: { saleId: number; storeId: number; guideId: number | null; memberId: number | null; amountFen: number; day: string /* Beijing YYYY-MM-DD */ };
    /** A return against an offline sale; `day` is the return's Beijing day, `amountFen` what it took back. */
    OfflineSaleReturned: { saleId: number; returnId: number; storeId: number; guideId: number | null; memberId: number | null; amountFen: number; day: string };
  }
}
export {};
