/**
 * shop_order indexes for the HQ console: 概览 reads the paid orders of a period by paid_at (a
 * range, never the whole table), and a store manager's order list filters on guide_id and pages by
 * created_at.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEXES = [
  new TableIndex({ name: 'idx_order_paid_at', columnNames: ['paid_at'] }),
  new TableIndex({ name: 'idx_order_guide_created', columnNames: ['guide_id', 'created_at'] }),
];

export class OrderReportIndexes1796000000002 implements MigrationInterface {
  name = 'OrderReportIndexes1796000000002';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.createIndex('shop_order', index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.dropIndex('shop_order', index.name!);
  }
}
