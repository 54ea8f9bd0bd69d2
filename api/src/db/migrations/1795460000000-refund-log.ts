/**
 * Refunds as data: one refund_state_log row per refund transition (like order_state_log), and
 * refund.released_at, set once when a successful refund has given back what checkout reserved
 * (the exactly-once guard of that release).
 */
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

export class RefundLog1795460000000 implements MigrationInterface {
  name = 'RefundLog1795460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'refund_state_log',
        columns: [
          col.id(),
          col.ref('refund_id'),
          col.varchar('from_status', 16, { isNullable: true }),
          col.varchar('to_status', 16),
          col.varchar('event', 16),
          col.varchar('actor', 40),
          col.varchar('note', 120),
          col.datetime('created_at'),
        ],
        indices: [new TableIndex({ name: 'idx_refund_state_log_refund', columnNames: ['refund_id'] })],
      }),
    );
    await q.addColumn('refund', new TableColumn(col.datetime('released_at', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('refund', 'released_at');
    await q.dropTable('refund_state_log');
  }
}
