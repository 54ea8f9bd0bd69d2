/**
 * Opening the database at start-up: connect and run the migrations, retried while the database is
 * briefly unreachable (a restart, a failover, a network blip while a worker boots), for at most
 * DB_BOOT_RETRY_MS, with a warn line per failed attempt. Past that, or on an error a retry cannot
 * mend (a wrong password, a failing migration), start-up fails with a message that says which.
 */
import type { DataSource } from 'typeorm';
import { isDbUnavailable } from '../http/faults';
import type { Logger } from '../logger';
import type { ModuleDefinition } from '../platform/module';
import { createDataSource, type DbTarget } from './data-source';

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2000;

export interface OpenOptions {
  /** How long to keep retrying an unreachable database (0: one attempt). */
  retryMs: number;
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
  /** Whose entities and migrations (default: the module list of api/src/modules). */
  modules?: readonly ModuleDefinition<unknown>[];
}

/** A connected, migrated DataSource; each attempt starts from a new one, so a half-open pool never lingers. */
export async function openDatabase(target: DbTarget, opts: OpenOptions): Promise<DataSource> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = Date.now();
  let delay = FIRST_DELAY_MS;
  for (let attempt = 1; ; attempt++) {
    const ds = createDataSource(target, opts.modules);
    try {
      await ds.initialize();
      const applied = await ds.runMigrations({ transaction: 'each' });
      if (applied.length) opts.log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
      return ds;
    } catch (err) {
      if (ds.isInitialized) await ds.destroy().catch(() => undefined);
      // Only a database we cannot reach is retried (refused, reset, lost, timed out, too many connections).
      if (!isDbUnavailable(err)) throw err;
      const elapsed = Date.now() - started;
      if (elapsed >= opts.retryMs) {
        const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
        throw new Error(`database unreachable at boot for ${elapsed} ms (DB_BOOT_RETRY_MS=${opts.retryMs}), ${tries}: ${(err as Error).message}`, { cause: err });
      }
      // The last wait ends at the limit, so the final attempt is made when it is reached, not before.
      const wait = Math.min(delay, opts.retryMs - elapsed);
      opts.log.warn({ attempt, retryInMs: wait, code: (err as { code?: unknown }).code, error: (err as Error).message }, 'database unreachable at boot: retrying');
      await sleep(wait);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}
