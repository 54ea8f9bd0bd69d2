/**
 * Transactor.run(work): the one way to write.
 * - MySQL/MariaDB: retries deadlocks and lock-wait timeouts with jittered backoff. `work` may run
 *   more than once, so it must not call external services (WeChat, WeChat Pay): do those after
 *   commit, through the outbox.
 * - SQLite: both drivers share one connection, so two open transactions would interleave on it
 *   ("cannot start a transaction within a transaction"). Transactions are queued instead.
 * - afterCommit(m, fn): `fn` runs once the transaction of `m` has committed, and never if it rolls
 *   back. Registrations belong to one attempt: a deadlocked attempt's are dropped with it and the
 *   retry registers its own, so only the attempt that committed fires.
 */
import type { DataSource, EntityManager } from 'typeorm';

const RETRYABLE_MYSQL = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 5;

function isRetryable(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return !!code && RETRYABLE_MYSQL.has(code);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Work<T> = (manager: EntityManager) => Promise<T>;

/** Where an after-commit callback's error goes (it cannot fail the transaction that committed). */
export type AfterCommitErrorSink = (err: unknown) => void;

export class Transactor {
  private queue: Promise<unknown> = Promise.resolve();
  readonly isSqlite: boolean;
  /** The after-commit callbacks of each open transaction, by its manager. */
  private readonly afterCommits = new WeakMap<EntityManager, (() => void)[]>();

  constructor(
    private readonly ds: DataSource,
    private readonly onAfterCommitError: AfterCommitErrorSink = () => undefined,
  ) {
    this.isSqlite = ds.options.type === 'better-sqlite3' || ds.options.type === 'sqljs';
  }

  run<T>(work: Work<T>): Promise<T> {
    return this.isSqlite ? this.serialised(work) : this.withRetry(work);
  }

  /**
   * Runs `fn` after the transaction of `m` commits. Answers false when `m` is not an open
   * transaction of this Transactor (a nested savepoint manager, or one already finished): the
   * caller then has nothing to hang the work on. `fn` must be quick and must not throw: start
   * async work and return (it runs before the caller of `run` gets its result).
   */
  afterCommit(m: EntityManager, fn: () => void): boolean {
    const list = this.afterCommits.get(m);
    if (!list) return false;
    list.push(fn);
    return true;
  }

  /** One attempt: its own callback list, fired only if this attempt committed. */
  private async attempt<T>(work: Work<T>): Promise<T> {
    const callbacks: (() => void)[] = [];
    let manager: EntityManager | undefined;
    let result: T;
    try {
      result = await this.ds.transaction((m) => {
        manager = m;
        this.afterCommits.set(m, callbacks);
        return work(m);
      });
    } finally {
      if (manager) this.afterCommits.delete(manager);
    }
    for (const fn of callbacks) {
      try {
        fn();
      } catch (err) {
        this.onAfterCommitError(err);
      }
    }
    return result;
  }

  private serialised<T>(work: Work<T>): Promise<T> {
    // Chain onto the previous transaction whether it succeeded or not.
    const result = this.queue.then(() => this.attempt(work));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async withRetry<T>(work: Work<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(work);
      } catch (err) {
        if (!isRetryable(err) || attempt >= MAX_ATTEMPTS) throw err;
        await sleep(Math.random() * 10 * 2 ** attempt);
      }
    }
  }
}
