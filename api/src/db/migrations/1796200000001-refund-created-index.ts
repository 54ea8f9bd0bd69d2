/**
 * 退款审核 without a status filter lists every refund newest first: (created_at) lets that page
 * walk an index and stop, where (status, created_at) served only the filtered list and the
 * unfiltered one sorted the whole table.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEX = new TableIndex({ name: 'idx_refund_created', columnNames: ['created_at'] });

export class RefundCreatedIndex1796200000001 implements MigrationInterface {
  name = 'RefundCreatedIndex1796200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('refund', INDEX);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('refund', INDEX.name!);
  }
}
