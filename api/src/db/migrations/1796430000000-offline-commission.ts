/**
 * Offline commission in the guide's own ledger (issue 18): a commission_entry row now says where
 * it came from — `order` (online, order_id set) or `offline` (a store sale posted by the POS;
 * order_id 0, the store receipt number kept for the ledger's label).
 */
import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { col } from '../columns';

export class OfflineCommission1796430000000 implements MigrationInterface {
  name = 'OfflineCommission1796430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('commission_entry', [new TableColumn(col.varchar('source', 10, { default: "'order'" })), new TableColumn(col.varchar('receipt_no', 64, { isNullable: true }))]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('commission_entry', 'receipt_no');
    await q.dropColumn('commission_entry', 'source');
  }
}
