/**
 * A migration test on a database that already has data: migrate a fresh database up to (not
 * including) the migration at `timestamp`, let `fill` write rows as the older code would, then run
 * every migration as a start of the new code does, and let `check` read the result.
 */
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { freshDatabase } from './harness';

/** The 13-digit timestamp at the end of a migration's class name. */
const timestampOf = (m: unknown) => Number(/(\d{13})$/.exec((m as { name: string }).name)?.[1]);

export async function migrateAcross(timestamp: number, fill: (old: DataSource) => Promise<void>, check: (ds: DataSource) => Promise<void>): Promise<void> {
  const db = await freshDatabase();
  const old = createDataSource(db.target);
  old.setOptions({ migrations: (old.options.migrations as unknown[]).filter((m) => timestampOf(m) < timestamp) as never });
  const ds = createDataSource(db.target);
  try {
    await old.initialize();
    await old.runMigrations();
    await fill(old);
    await old.destroy();
    await ds.initialize();
    await ds.runMigrations();
    await check(ds);
  } finally {
    if (old.isInitialized) await old.destroy();
    if (ds.isInitialized) await ds.destroy();
    await db.drop();
  }
}
