/**
 * The points ledger: the only code that writes points_account, points_entry, points_lot and
 * points_lot_use. Every function runs inside the caller's transaction (`m`), so a points write
 * commits or rolls back with the order, coupon or sign-in it belongs to.
 *
 * Invariants (checked by ledger.property.test.ts and GET /api/hq/points/consistency):
 *   account.balance = Σ entry.balanceDelta = Σ lot.remaining (lots not yet expired by the job)
 *   account.pending = Σ entry.pendingDelta,  account.debt = Σ entry.debtDelta,  all ≥ 0.
 *
 * Idempotency: each entry carries a unique key naming its source; calling again with a key that
 * exists is a no-op answering the first entry. Locking: each call locks the member's account row
 * first (ledger-sql.ts), so keys and lots are read after any concurrent writer has committed.
 *
 * API (stable; other modules depend on it — add, don't break):
 *   credit(m, { memberId, points, key, reason, kind, pending?, expiresAt?, now?, operatorId? })
 *   confirmPending(m, { key, confirmKey, now? }) / voidPending(m, { key, voidKey, points?, now? })
 *   debit(m, { memberId, points, key, reason, kind?, now?, operatorId? })   — POINTS_INSUFFICIENT
 *   clawback(m, { memberId, points, key, reason, refKey?, now? }) — takes what it can, the rest is debt
 *   returnDebit(m, { key, returnKey, points?, now? })     — gives a debit back to its lots
 *   expireLot(m, lotId, now) / balanceOf(m, memberId)
 */
import type { EntityManager } from 'typeorm';
import { defaultPointsExpiry } from '@common/membership/shanghai';
import { AppError } from '../../http/app-error';
import { assertPoints, changeAccount, findEntry, lockAccount, locked, mustChangeAccount } from './ledger-sql';
import { PointsAccount, PointsEntry, type PointsEntryKind, PointsLot, PointsLotUse } from './points.entities';

export { MAX_POINTS_PER_ENTRY } from './ledger-sql';

export interface CreditInput {
  memberId: number;
  points: number;
  key: string;
  reason: string;
  kind: PointsEntryKind;
  /** Purchase points: held as pending until confirmPending (order completed). */
  pending?: boolean;
  /** Default: end of the following calendar year, Asia/Shanghai. */
  expiresAt?: Date;
  now?: Date;
  operatorId?: number | null;
}

export interface DebitInput {
  memberId: number;
  points: number;
  key: string;
  reason: string;
  kind?: 'spend' | 'deduct';
  now?: Date;
  operatorId?: number | null;
}

export interface ReturnInput {
  /** Key of the debit to give back. */
  key: string;
  returnKey: string;
  /** Part of it (a partial refund); default: everything not yet returned. */
  points?: number;
  reason?: string;
  now?: Date;
}

export interface Balance {
  balance: number;
  pending: number;
  debt: number;
}

/**
 * The entry a settlement refers to, by a plain read: entries never change once written, so no
 * lock is needed, and taking none keeps the lock order "account first" everywhere.
 */
const peekEntry = (m: EntityManager, key: string) => m.findOneBy(PointsEntry, { key });

type EntryFields = Pick<PointsEntry, 'memberId' | 'key' | 'kind' | 'points' | 'reason'> & Partial<PointsEntry>;

async function insertEntry(m: EntityManager, f: EntryFields, now: Date): Promise<PointsEntry> {
  const entry = m.create(PointsEntry, { balanceDelta: 0, pendingDelta: 0, debtDelta: 0, refKey: null, operatorId: null, createdAt: now, ...f });
  return m.save(entry);
}

async function insertLot(m: EntityManager, memberId: number, entryId: number, points: number, expiresAt: Date, now: Date): Promise<void> {
  await m.insert(PointsLot, { memberId, entryId, points, remaining: points, expiresAt, createdAt: now });
}

/**
 * Adds points to the available balance: debt is repaid first, the rest becomes a lot.
 * `pendingDelta` lets a confirmation move pending points in the same entry.
 */
async function addAvailable(m: EntityManager, acct: PointsAccount, f: EntryFields, expiresAt: Date, now: Date, pendingDelta = 0): Promise<PointsEntry> {
  const repay = Math.min(acct.debt, f.points);
  const available = f.points - repay;
  const entry = await insertEntry(m, { ...f, balanceDelta: available, debtDelta: -repay, pendingDelta }, now);
  // Conditional on debt >= repay and pending >= -pendingDelta; we hold the lock, so a miss is a bug.
  await mustChangeAccount(m, acct.memberId, { balance: available, debt: -repay, pending: pendingDelta }, now);
  if (available > 0) await insertLot(m, acct.memberId, entry.id, available, expiresAt, now);
  return entry;
}

/** Earn, grant, sign-in, referral: available at once, or pending (`pending: true`) until confirmed. */
export async function credit(m: EntityManager, input: CreditInput): Promise<PointsEntry> {
  assertPoints(input.points);
  const now = input.now ?? new Date();
  const acct = await lockAccount(m, input.memberId, now);
  // Idempotency: the key names the source; a repeat answers the first entry and writes nothing.
  const existing = await findEntry(m, input.key);
  if (existing) return existing;
  const f: EntryFields = { memberId: input.memberId, key: input.key, kind: input.kind, points: input.points, reason: input.reason, operatorId: input.operatorId ?? null };
  if (input.pending) {
    const entry = await insertEntry(m, { ...f, pendingDelta: input.points }, now);
    await mustChangeAccount(m, input.memberId, { pending: input.points }, now);
    return entry;
  }
  return addAvailable(m, acct, f, input.expiresAt ?? defaultPointsExpiry(now), now);
}

/** What a pending credit still holds: its amount less what confirm/void entries already settled. */
async function pendingOutstanding(m: EntityManager, pendingEntry: PointsEntry): Promise<number> {
  const row = await m
    .createQueryBuilder(PointsEntry, 'e')
    .select('COALESCE(SUM(e.pending_delta), 0)', 'settled')
    .where('e.ref_key = :key', { key: pendingEntry.key })
    .getRawOne<{ settled: number | string }>();
  return pendingEntry.pendingDelta + Number(row?.settled ?? 0);
}

/** Pending → available (the order completed). Null when nothing is pending under `key`. */
export async function confirmPending(m: EntityManager, input: { key: string; confirmKey: string; reason?: string; now?: Date }): Promise<PointsEntry | null> {
  const now = input.now ?? new Date();
  const source = await peekEntry(m, input.key);
  if (!source || source.pendingDelta <= 0) return null;
  const acct = await lockAccount(m, source.memberId, now);
  const existing = await findEntry(m, input.confirmKey);
  if (existing) return existing;
  const outstanding = await pendingOutstanding(m, source);
  if (outstanding <= 0) return null;
  const f: EntryFields = { memberId: source.memberId, key: input.confirmKey, kind: 'confirm', points: outstanding, reason: input.reason ?? source.reason, refKey: source.key };
  return addAvailable(m, acct, f, defaultPointsExpiry(now), now, -outstanding);
}

/** Takes back (part of) a pending credit: a refund before the order completed. */
export async function voidPending(m: EntityManager, input: { key: string; voidKey: string; points?: number; reason?: string; now?: Date }): Promise<PointsEntry | null> {
  const now = input.now ?? new Date();
  const source = await peekEntry(m, input.key);
  if (!source || source.pendingDelta <= 0) return null;
  await lockAccount(m, source.memberId, now);
  const existing = await findEntry(m, input.voidKey);
  if (existing) return existing;
  const outstanding = await pendingOutstanding(m, source);
  const points = Math.min(input.points ?? outstanding, outstanding);
  if (points <= 0) return null;
  const entry = await insertEntry(m, { memberId: source.memberId, key: input.voidKey, kind: 'void', points, reason: input.reason ?? '退款扣回待入账积分', refKey: source.key, pendingDelta: -points }, now);
  await mustChangeAccount(m, source.memberId, { pending: -points }, now);
  return entry;
}

/**
 * Spends up to `points` from the member's unexpired lots, oldest expiry first, and records the
 * uses against `entryId`. Answers how much it took (less than asked only when the lots run out).
 */
async function spendLots(m: EntityManager, memberId: number, points: number, now: Date): Promise<{ taken: number; uses: { lotId: number; points: number }[] }> {
  const lots = await locked(
    m,
    m
      .createQueryBuilder(PointsLot, 'l')
      .where('l.member_id = :memberId AND l.remaining > 0 AND l.expires_at > :now', { memberId, now })
      .orderBy('l.expires_at', 'ASC')
      .addOrderBy('l.id', 'ASC'),
  ).getMany();
  const uses: { lotId: number; points: number }[] = [];
  let left = points;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    // Conditional: a lot never goes below zero, whatever else runs.
    const res = await m.createQueryBuilder().update(PointsLot).set({ remaining: () => `remaining - ${take}` }).where('id = :id AND remaining >= :take', { id: lot.id, take }).execute();
    if (res.affected !== 1) throw new Error(`points lot ${lot.id} changed under the account lock`);
    uses.push({ lotId: lot.id, points: take });
    left -= take;
  }
  return { taken: points - left, uses };
}

/** Spends points (checkout, points mall, HQ deduction). POINTS_INSUFFICIENT when the balance is short. */
export async function debit(m: EntityManager, input: DebitInput): Promise<PointsEntry> {
  assertPoints(input.points);
  const now = input.now ?? new Date();
  await lockAccount(m, input.memberId, now);
  const existing = await findEntry(m, input.key);
  if (existing) return existing;
  // The balance check and the decrement in one conditional UPDATE (balance >= n): no read-then-write.
  if (!(await changeAccount(m, input.memberId, { balance: -input.points }, now))) {
    throw new AppError('POINTS_INSUFFICIENT', `member ${input.memberId} wants ${input.points}`);
  }
  const { taken, uses } = await spendLots(m, input.memberId, input.points, now);
  // The balance may still count a lot that expired since the last expiry job ran: refuse, roll back.
  if (taken < input.points) throw new AppError('POINTS_INSUFFICIENT', `member ${input.memberId}: lots hold ${taken} of ${input.points}`);
  const entry = await insertEntry(
    m,
    { memberId: input.memberId, key: input.key, kind: input.kind ?? 'spend', points: input.points, reason: input.reason, balanceDelta: -input.points, operatorId: input.operatorId ?? null },
    now,
  );
  if (uses.length) await m.insert(PointsLotUse, uses.map((u) => ({ entryId: entry.id, lotId: u.lotId, points: u.points, returned: 0 })));
  return entry;
}

/**
 * Takes back points a refund un-earned. What the balance cannot cover becomes debt, repaid first
 * by later earnings (addAvailable), so a refund never silently keeps or loses points.
 */
export async function clawback(m: EntityManager, input: { memberId: number; points: number; key: string; reason: string; refKey?: string; now?: Date }): Promise<PointsEntry> {
  assertPoints(input.points);
  const now = input.now ?? new Date();
  await lockAccount(m, input.memberId, now);
  const existing = await findEntry(m, input.key);
  if (existing) return existing;
  const { taken } = await spendLots(m, input.memberId, input.points, now);
  const shortfall = input.points - taken;
  const entry = await insertEntry(m, { memberId: input.memberId, key: input.key, kind: 'clawback', points: input.points, reason: input.reason, refKey: input.refKey ?? null, balanceDelta: -taken, debtDelta: shortfall }, now);
  await mustChangeAccount(m, input.memberId, { balance: -taken, debt: shortfall }, now);
  return entry;
}

/**
 * Gives a debit back (order cancelled or refunded): to the lots it came from where they have not
 * expired, the rest as a new lot with the default expiry. Later-expiring lots are refilled first.
 * Null when there is no such debit or nothing left to return.
 */
export async function returnDebit(m: EntityManager, input: ReturnInput): Promise<PointsEntry | null> {
  const now = input.now ?? new Date();
  const source = await peekEntry(m, input.key);
  if (!source || source.balanceDelta >= 0) return null;
  await lockAccount(m, source.memberId, now);
  const existing = await findEntry(m, input.returnKey);
  if (existing) return existing;
  const uses = await locked(m, m.createQueryBuilder(PointsLotUse, 'u').where('u.entry_id = :id', { id: source.id }).orderBy('u.id', 'DESC')).getMany();
  const outstanding = uses.reduce((s, u) => s + u.points - u.returned, 0);
  if (input.points !== undefined) assertPoints(input.points);
  const points = Math.min(input.points ?? outstanding, outstanding);
  if (points <= 0) return null;
  let left = points;
  let fresh = 0;
  for (const use of uses) {
    const give = Math.min(left, use.points - use.returned);
    if (give <= 0) continue;
    // Conditional: a use is never returned beyond what it took.
    const res = await m.createQueryBuilder().update(PointsLotUse).set({ returned: () => `returned + ${give}` }).where('id = :id AND returned + :give <= points', { id: use.id, give }).execute();
    if (res.affected !== 1) throw new Error(`points lot use ${use.id} changed under the account lock`);
    const back = await m
      .createQueryBuilder()
      .update(PointsLot)
      .set({ remaining: () => `remaining + ${give}` })
      .where('id = :id AND expires_at > :now AND remaining + :give <= points', { id: use.lotId, now, give })
      .execute();
    if (back.affected !== 1) fresh += give; // the lot expired meanwhile: a new lot instead
    left -= give;
  }
  const entry = await insertEntry(m, { memberId: source.memberId, key: input.returnKey, kind: 'return', points, reason: input.reason ?? `退回：${source.reason}`.slice(0, 64), refKey: source.key, balanceDelta: points }, now);
  await mustChangeAccount(m, source.memberId, { balance: points }, now);
  if (fresh > 0) await insertLot(m, source.memberId, entry.id, fresh, defaultPointsExpiry(now), now);
  return entry;
}

/** Expires what is left of one lot (the expiry job). Idempotent by `expire:lot:<id>`. */
export async function expireLot(m: EntityManager, lotId: number, now: Date): Promise<PointsEntry | null> {
  const peek = await m.findOneBy(PointsLot, { id: lotId });
  if (!peek) return null;
  await lockAccount(m, peek.memberId, now);
  const lot = await locked(m, m.createQueryBuilder(PointsLot, 'l').where('l.id = :lotId', { lotId })).getOne();
  if (!lot || lot.remaining <= 0 || lot.expiresAt.getTime() > now.getTime()) return null;
  const key = `expire:lot:${lot.id}`;
  const existing = await findEntry(m, key);
  if (existing) return existing;
  // Compare-and-set on the amount we read under the lock: two jobs expire a lot once.
  const res = await m.createQueryBuilder().update(PointsLot).set({ remaining: 0 }).where('id = :id AND remaining = :r', { id: lot.id, r: lot.remaining }).execute();
  if (res.affected !== 1) return null;
  const entry = await insertEntry(m, { memberId: lot.memberId, key, kind: 'expire', points: lot.remaining, reason: '积分过期', refKey: null, balanceDelta: -lot.remaining }, now);
  await mustChangeAccount(m, lot.memberId, { balance: -lot.remaining }, now);
  return entry;
}

export async function balanceOf(m: EntityManager, memberId: number): Promise<Balance> {
  const a = await m.findOneBy(PointsAccount, { memberId });
  return { balance: a?.balance ?? 0, pending: a?.pending ?? 0, debt: a?.debt ?? 0 };
}
