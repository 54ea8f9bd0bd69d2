/**
 * What the points mall needs from the points ledger (api/src/modules/points/ledger.ts): a debit
 * and its return, inside the caller's transaction, each keyed for idempotency. The module passes
 * the ledger's own functions; the mall never writes a points table itself.
 */
import type { EntityManager } from 'typeorm';

export interface PointsLedgerPort {
  /** Spends points (throws AppError POINTS_INSUFFICIENT when the balance is short). */
  debit(m: EntityManager, input: { memberId: number; points: number; key: string; reason: string; now?: Date }): Promise<unknown>;
  /** Gives back the debit keyed `key`, once (keyed `returnKey`). */
  returnDebit(m: EntityManager, input: { key: string; returnKey: string; reason?: string; now?: Date }): Promise<unknown>;
}

/** The ledger key of a redemption's debit, and of its return. */
export const debitKey = (redemptionId: number) => `mall:${redemptionId}`;
export const returnKey = (redemptionId: number) => `mall:${redemptionId}:return`;
