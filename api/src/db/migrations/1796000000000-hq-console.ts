/**
 * HQ console (issue 15): store-bound accounts and the login lockout kept in the database (so it
 * holds across instances). The old 'analyst' role becomes 'finance' (财务):
 * its grants (read everything, no writes) are a subset of finance's, so nobody gains a write they
 * did not have except refunds and commission, which is what 财务 is for.
 */
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';


export class HqConsole1796000000000 implements MigrationInterface {
  name = 'HqConsole1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('hq_admin', [
      new TableColumn(col.ref('store_id', true)),
      new TableColumn(col.datetime('locked_until', true)),
    ]);
    await q.query(`UPDATE hq_admin SET role = 'finance' WHERE role = 'analyst'`);
    // 概览 counts the members who joined in a period.
    await q.createIndex('member', new TableIndex({ name: 'idx_member_created', columnNames: ['created_at'] }));
    await q.createTable(
      new Table({
        name: 'hq_login_failure',
        columns: [col.id(), col.ref('admin_id'), col.varchar('ip', 64), col.datetime('at')],
        indices: [new TableIndex({ name: 'idx_hq_login_failure_admin', columnNames: ['admin_id', 'at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('hq_login_failure');
    await q.dropIndex('member', 'idx_member_created');
    await q.query(`UPDATE hq_admin SET role = 'analyst' WHERE role = 'finance'`);
    await q.dropColumn('hq_admin', 'locked_until');
    await q.dropColumn('hq_admin', 'store_id');
  }
}
