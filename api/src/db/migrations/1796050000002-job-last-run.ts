/**
 * Each job's last run, kept on its lease row (the holder that ran it writes it when it gives the
 * lease back), so HQ sees every instance's jobs in one place: when, how long, by whom, and the error.
 */
import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { col } from '../columns';

const COLUMNS = [
  col.datetime('last_started_at', true),
  col.int('last_ms', { isNullable: true }),
  col.varchar('last_holder', 64, { isNullable: true }),
  col.varchar('last_error', 300, { isNullable: true }),
  col.varchar('last_result', 300, { isNullable: true }),
];

export class JobLastRun1796050000002 implements MigrationInterface {
  name = 'JobLastRun1796050000002';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('job_lease', COLUMNS.map((c) => new TableColumn(c)));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of COLUMNS) await q.dropColumn('job_lease', c.name);
  }
}
