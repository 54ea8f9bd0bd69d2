/**
 * The HQ console migration on a database that already has accounts: an 'analyst' becomes 'finance'
 * (财务), other roles stay, and every account starts unlocked and without a store. Runs the real
 * migrations older than it, adds the old rows, then runs them all.
 */
import { migrateAcross } from '../../test/migrate-across';

it("renames the old 'analyst' role to 'finance' and keeps the others", async () => {
  await migrateAcross(
    1796010000000,
    async (old) => {
      const now = '2026-12-01 08:00:00.000';
      for (const [username, role] of [['old-owner', 'owner'], ['old-analyst', 'analyst'], ['old-operator', 'operator']]) {
        await old.query('INSERT INTO hq_admin (username, password_hash, role, active, created_at) VALUES (?, ?, ?, ?, ?)', [username, 'scrypt$x', role, 1, now]);
      }
    },
    async (ds) => {
      const rows: { username: string; role: string; store_id: unknown; locked_until: unknown }[] = await ds.query('SELECT username, role, store_id, locked_until FROM hq_admin ORDER BY username');
      expect(rows.map((r) => [r.username, r.role, r.store_id ?? null, r.locked_until ?? null])).toEqual([
        ['old-analyst', 'finance', null, null],
        ['old-operator', 'operator', null, null],
        ['old-owner', 'owner', null, null],
      ]);
    },
  );
});
