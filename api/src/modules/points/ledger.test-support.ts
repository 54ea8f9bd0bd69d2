/** Test helpers for the ledger: run a ledger call in a transaction, and check every invariant. */
import type { EntityManager } from 'typeorm';
import type { TestApp } from '../../../test/harness';
import { PointsAccount, PointsEntry, PointsLot } from './points.entities';

export const inTx = <T>(app: TestApp, work: (m: EntityManager) => Promise<T>): Promise<T> => app.services.tx.run(work);

/** Settles a promise as {ok, value | error}, so parallel runs can be counted. */
export async function settle<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: any }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

export interface Figures {
  balance: number;
  pending: number;
  debt: number;
  sumBalance: number;
  sumPending: number;
  sumDebt: number;
  lots: number;
}

/** The account's figures next to the sums over entries and lots. */
export async function figures(app: TestApp, memberId: number): Promise<Figures> {
  const m = app.ds.manager;
  const a = await m.findOneBy(PointsAccount, { memberId });
  const entries = await m.findBy(PointsEntry, { memberId });
  const lots = await m.findBy(PointsLot, { memberId });
  return {
    balance: a?.balance ?? 0,
    pending: a?.pending ?? 0,
    debt: a?.debt ?? 0,
    sumBalance: entries.reduce((s, e) => s + e.balanceDelta, 0),
    sumPending: entries.reduce((s, e) => s + e.pendingDelta, 0),
    sumDebt: entries.reduce((s, e) => s + e.debtDelta, 0),
    lots: lots.reduce((s, l) => s + l.remaining, 0),
  };
}

/** balance = Σ ledger = Σ lots, pending and debt likewise, nothing negative. */
export function expectConsistent(f: Figures): void {
  expect(f.sumBalance).toBe(f.balance);
  expect(f.lots).toBe(f.balance);
  expect(f.sumPending).toBe(f.pending);
  expect(f.sumDebt).toBe(f.debt);
  expect(Math.min(f.balance, f.pending, f.debt)).toBeGreaterThanOrEqual(0);
}
