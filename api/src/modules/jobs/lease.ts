/**
 * Database leases for scheduled jobs: whoever holds the `job_lease` row named after a job, until
 * its `lease_until`, is the only process running that job. API instances share nothing but the
 * database, so this is what keeps two of them from running one job at the same moment. A holder
 * that dies simply lets its lease run out; another instance takes it over after that.
 *
 * Both statements are conditional SQL that MySQL/MariaDB and SQLite accept alike, and each runs in
 * its own short transaction (never around the job itself: a job can run for a while, and holding
 * a transaction open that long would block everyone).
 */
import type { Transactor } from '../../db/transaction';
import { JobLease } from './jobs.entities';

/** A lease row that has never been held: taken by the first acquirer. */
const NEVER = new Date(0);

/**
 * Takes (or renews) the lease `name` for `holder` until `now + ttlMs`; true when we hold it now.
 *
 * On MySQL the affected-row count of an UPDATE counts *matched* rows, because mysql2 connects with
 * the FOUND_ROWS flag (its default): a renewal that writes the very same `lease_until` (a frozen
 * test clock) still answers 1. SQLite always counts matched rows.
 */
export async function acquireLease(tx: Transactor, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  // Make sure the row exists. INSERT IGNORE / INSERT OR IGNORE: when two processes create it at
  // the same moment the primary key lets one in and the other's insert does nothing (no error,
  // no lock held), so both go on to race on the conditional UPDATE below, which decides.
  await tx.run((m) => m.createQueryBuilder().insert().into(JobLease).values({ name, holder: '', leaseUntil: NEVER }).orIgnore().execute());

  const until = new Date(now.getTime() + ttlMs);
  // The lease itself, as one compare-and-set: we take the row only if its lease ran out or it is
  // already ours (a renewal). Two acquirers racing both evaluate the WHERE against the row under
  // the row lock; the first to write moves lease_until into the future and makes the second's
  // condition false, so exactly one sees affected = 1.
  const res = await tx.run((m) =>
    m
      .createQueryBuilder()
      .update(JobLease)
      .set({ holder, leaseUntil: until })
      .where('name = :name AND (lease_until < :now OR holder = :holder)', { name, now, holder })
      .execute(),
  );
  return res.affected === 1;
}

/**
 * Gives the lease up early (the job finished), so the next tick of any instance may run it.
 * Conditional on `holder`: if our lease already ran out and someone else took it, we must not
 * end *their* lease. Answers whether we still held it.
 */
export async function releaseLease(tx: Transactor, name: string, holder: string, now: Date): Promise<boolean> {
  const res = await tx.run((m) =>
    m
      .createQueryBuilder()
      .update(JobLease)
      .set({ leaseUntil: new Date(now.getTime() - 1) })
      .where('name = :name AND holder = :holder', { name, holder })
      .execute(),
  );
  return res.affected === 1;
}

/**
 * Records the run that just ended on the lease row. Conditional on `holder`, like the release: a
 * run whose lease another instance took over does not overwrite that instance's record.
 */
export async function recordRun(tx: Transactor, name: string, holder: string, run: { startedAt: Date; ms: number; error: string | null; result: string | null }): Promise<void> {
  await tx.run((m) =>
    m
      .createQueryBuilder()
      .update(JobLease)
      .set({ lastStartedAt: run.startedAt, lastMs: run.ms, lastHolder: holder, lastError: run.error, lastResult: run.result })
      .where('name = :name AND holder = :holder', { name, holder })
      .execute(),
  );
}

/** The current lease (tests and diagnostics). */
export async function readLease(tx: Transactor, name: string): Promise<{ holder: string; leaseUntil: Date } | null> {
  const row = await tx.run((m) => m.findOneBy(JobLease, { name }));
  return row ? { holder: row.holder, leaseUntil: new Date(row.leaseUntil) } : null;
}
