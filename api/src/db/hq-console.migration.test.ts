/**
 * The HQ console migration on a database that already has accounts: an 'analyst' becomes 'finance'
 * (财务), other roles stay, and every account starts unlocked and without a store. Runs the real
 * migrations up to the one before it, adds the old rows, then runs the rest.
 */
import { freshDatabase } from '../../test/harness';
import { createDataSource } from './data-source';

it("renames the old 'analyst' role to 'finance' and keeps the others", async () => {
  const db = await freshDatabase();
  const ds = createDataSource(db.target);
  try {
    await ds.initialize();
    await ds.runMigrations();
    // Back to before the console's migrations (they are the last three), as a database from before them.
    for (let i = 0; i < 3; i++) await ds.undoLastMigration();
    const now = '2026-12-01 08:00:00.000';
    for (const [username, role] of [['old-owner', 'owner'], ['old-analyst', 'analyst'], ['old-operator', 'operator']]) {
      await ds.query('INSERT INTO hq_admin (username, password_hash, role, active, created_at) VALUES (?, ?, ?, ?, ?)', [username, 'scrypt$x', role, 1, now]);
    }
    await ds.runMigrations();
    const rows: { username: string; role: string; store_id: unknown; locked_until: unknown }[] = await ds.query('SELECT username, role, store_id, locked_until FROM hq_admin ORDER BY username');
    expect(rows.map((r) => [r.username, r.role, r.store_id ?? null, r.locked_until ?? null])).toEqual([
      ['old-analyst', 'finance', null, null],
      ['old-operator', 'operator', null, null],
      ['old-owner', 'owner', null, null],
    ]);
  } finally {
    await ds.destroy();
    await db.drop();
  }
});
