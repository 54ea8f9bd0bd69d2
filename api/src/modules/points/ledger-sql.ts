/**
 * The small SQL pieces the ledger builds on. All ledger writes for one member take that member's
 * account row lock first (lockAccount), so on MySQL two transactions touching one member's
 * points queue behind each other and then read the newest rows; SQLite's Transactor already runs
 * one transaction at a time.
 */
import type { EntityManager } from 'typeorm';
import { locked } from '../../db/locked-read';
import { AppError } from '../../http/app-error';
import { PointsAccount, PointsEntry } from './points.entities';

export { locked };

/** Upper bound of one entry, far inside INT and far above any sane order. */
export const MAX_POINTS_PER_ENTRY = 10_000_000;

export function assertPoints(points: number, field = 'points'): void {
  if (!Number.isSafeInteger(points) || points < 1 || points > MAX_POINTS_PER_ENTRY) {
    throw new AppError('POINTS_AMOUNT_INVALID', `${field}=${points}`, [{ field, message: '须为 1 至 10000000 的整数' }]);
  }
}

/**
 * Locks the member's account row, creating it on first use. The locking read comes first: an
 * INSERT IGNORE on an existing row takes a shared lock, and many such transactions upgrading to
 * the exclusive lock deadlock each other. Only a member with no row yet takes the INSERT IGNORE
 * path, where two first-ever writes racing both end up on the one row the unique member_id allows.
 */
export async function lockAccount(m: EntityManager, memberId: number, now: Date): Promise<PointsAccount> {
  const read = () => locked(m, m.createQueryBuilder(PointsAccount, 'a').where('a.member_id = :memberId', { memberId })).getOne();
  const acct = await read();
  if (acct) return acct;
  await m.createQueryBuilder().insert().into(PointsAccount).values({ memberId, balance: 0, pending: 0, debt: 0, updatedAt: now }).orIgnore().execute();
  const created = await read();
  if (!created) throw new Error(`points account of member ${memberId} missing after insert`);
  return created;
}

/** The entry with this idempotency key (read under lock on MySQL, so a just-committed twin is seen). */
export function findEntry(m: EntityManager, key: string): Promise<PointsEntry | null> {
  return locked(m, m.createQueryBuilder(PointsEntry, 'e').where('e.entry_key = :key', { key })).getOne();
}

export interface AccountChange {
  balance?: number;
  pending?: number;
  debt?: number;
}

/**
 * Applies signed changes to the account in one conditional UPDATE: every figure that goes down
 * carries `column >= amount` in its WHERE, so no interleaving can take a figure below zero; a
 * miss means the caller's view was wrong and the whole transaction must roll back.
 * Answers false when the condition failed (only `balance` can fail for a caller; see debit()).
 */
export async function changeAccount(m: EntityManager, memberId: number, change: AccountChange, now: Date): Promise<boolean> {
  const set: Record<string, unknown> = { updatedAt: now };
  const conditions = ['member_id = :memberId'];
  for (const col of ['balance', 'pending', 'debt'] as const) {
    const d = change[col] ?? 0;
    if (!Number.isSafeInteger(d)) throw new Error(`bad ${col} delta ${d}`);
    if (d === 0) continue;
    // d is a checked integer, so inlining it is safe.
    set[col] = () => `${col} ${d > 0 ? '+' : '-'} ${Math.abs(d)}`;
    if (d < 0) conditions.push(`${col} >= ${-d}`);
  }
  const res = await m.createQueryBuilder().update(PointsAccount).set(set).where(conditions.join(' AND '), { memberId }).execute();
  return res.affected === 1;
}

/** changeAccount for changes the ledger has already proven possible under the lock. */
export async function mustChangeAccount(m: EntityManager, memberId: number, change: AccountChange, now: Date): Promise<void> {
  if (!(await changeAccount(m, memberId, change, now))) {
    throw new Error(`points account ${memberId}: conditional update missed ${JSON.stringify(change)} under the account lock`);
  }
}
