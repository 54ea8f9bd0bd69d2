/**
 * Transactor.run(work): the one way to write.
 * - MySQL/MariaDB: retries deadlocks and lock-wait timeouts with jittered backoff. `work` may run
 *   more than once, so it must not call external services (WeChat, WeChat Pay): do those after
 *   commit, through the outbox.
 * - SQLite: both drivers share one connection, so two open transactions would interleave on it
 *   ("cannot start a transaction within a transaction"). Transactions are queued instead.
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

export class Transactor {
  private queue: Promise<unknown> = Promise.resolve();
  readonly isSqlite: boolean;

  constructor(private readonly ds: DataSource) {
    this.isSqlite = ds.options.type === 'better-sqlite3' || ds.options.type === 'sqljs';
  }

  run<T>(work: Work<T>): Promise<T> {
    return this.isSqlite ? this.serialised(work) : this.withRetry(work);
  }

  private serialised<T>(work: Work<T>): Promise<T> {
    // Chain onto the previous transaction whether it succeeded or not.
    const result = this.queue.then(() => this.ds.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async withRetry<T>(work: Work<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ds.transaction(work);
      } catch (err) {
        if (!isRetryable(err) || attempt >= MAX_ATTEMPTS) throw err;
        await sleep(Math.random() * 10 * 2 ** attempt);
      }
    }
  }
}
