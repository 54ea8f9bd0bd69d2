/**
 * Offline commission (a store sale the POS posted) in the guide's own ledger, so the workbench,
 * HQ's ledger and the monthly settlement see it beside online orders. The POS module computes the
 * amount and calls this inside ITS transaction (the sale or return commits with its entry, or
 * neither does). An offline sale's goods have left the counter, so its commission is released at
 * once: accrue → `released`, reverse → `reversed_released`. No CommissionAccount row: that
 * account tracks an online order's held/released buckets, which an offline sale never has.
 */
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../db/errors';
import { CommissionEntry } from './guides.entities';

/** Offline entries carry no order: order_id 0 keeps the unique (order_id, event_key) key usable. */
export const OFFLINE_ORDER_ID = 0;

export interface OfflineCommissionInput {
  guideId: number;
  /** The store receipt number (the ledger's 线下 label). */
  receiptNo: string;
  amountFen: number;
  kind: 'accrue' | 'reverse';
  /** Unique per posting, e.g. `pos-sale:<saleId>` / `pos-return:<returnId>`. */
  eventKey: string;
  at: Date;
}

/** Writes the entry with the caller's manager; false when this event key was already booked. */
export async function recordOfflineCommission(m: EntityManager, e: OfflineCommissionInput): Promise<boolean> {
  if (!Number.isSafeInteger(e.amountFen) || e.amountFen <= 0 || e.amountFen > 2_000_000_000) throw new Error(`offline commission: bad amount ${e.amountFen}`);
  try {
    await m.insert(CommissionEntry, {
      orderId: OFFLINE_ORDER_ID, guideId: e.guideId, eventKey: e.eventKey, kind: e.kind === 'accrue' ? 'released' : 'reversed_released',
      amountFen: e.amountFen, createdAt: e.at, source: 'offline', receiptNo: e.receiptNo,
    });
    return true;
  } catch (err) {
    // Why: the unique (order_id, event_key) is the idempotency key — a replayed posting books nothing twice.
    // Both MariaDB and SQLite undo only the failed statement, so the caller's transaction goes on.
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}
