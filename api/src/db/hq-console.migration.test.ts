/**
 * The HQ console migration on a database that already has accounts: an 'analyst' becomes 'finance'
 * (财务), other roles stay, and every account starts unlocked and without a store. Runs the real
 * migrations older than it, adds the old rows, then runs them all.
 */
import { freshDatabase } from '../../test/harness';
import { createDataSource } from './data-source';

/** The migrations a database had before the console's first one (by the timestamp in the class name). */
const beforeConsole = (m: unknown) => Number(/(\d{13})$/.exec((m as { name: string }).name)?.[1]) < 1796010000000;

it("renames the old 'analyst' role to 'finance' and keeps the others", async () => {
  const db = await freshDatabase();
  // A database from before the console: only the migrations older than it.
  const old = createDataSource(db.target);
  old.setOptions({ migrations: (old.options.migrations as unknown[]).filter(beforeConsole) as never });
  const ds = createDataSource(db.target);
  try {
    await old.initialize();
    await old.runMigrations();
    const now = '2026-12-01 08:00:00.000';
    for (const [username, role] of [['old-owner', 'owner'], ['old-analyst', 'analyst'], ['old-operator', 'operator']]) {
      await old.query('INSERT INTO hq_admin (username, password_hash, role, active, created_at) VALUES (?, ?, ?, ?, ?)', [username, 'scrypt$x', role, 1, now]);
    }
    await old.destroy();
    // Then every migration, as a start of the new code on that database.
    await ds.initialize();
    await ds.runMigrations();
    const rows: { username: string; role: string; store_id: unknown; locked_until: unknown }[] = await ds.query('SELECT username, role, store_id, locked_until FROM hq_admin ORDER BY username');
    expect(rows.map((r) => [r.username, r.role, r.store_id ?? null, r.locked_until ?? null])).toEqual([
      ['old-analyst', 'finance', null, null],
      ['old-operator', 'operator', null, null],
      ['old-owner', 'owner', null, null],
    ]);
  } finally {
    if (old.isInitialized) await old.destroy();
    if (ds.isInitialized) await ds.destroy();
    await db.drop();
  }
});
