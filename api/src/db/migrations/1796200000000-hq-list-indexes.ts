/**
 * shop_order indexes from bench:hq (1,000,000 orders):
 *  - a store's orders in one status (the store filter is its guides' ids, plus a status): with
 *    (guide_id, status, created_at) both the page and its count read only the matching entries,
 *    where (guide_id, created_at) looked up every order of the store to test its status;
 *  - 概览 sums 30 days of paid orders by day and guide: (paid_at, guide_id, payable_fen,
 *    refunded_fen) answers it from the index alone. It replaces the plain paid_at index (its prefix).
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const GUIDE_STATUS = new TableIndex({ name: 'idx_order_guide_status_created', columnNames: ['guide_id', 'status', 'created_at'] });
const PAID_FACTS = new TableIndex({ name: 'idx_order_paid_facts', columnNames: ['paid_at', 'guide_id', 'payable_fen', 'refunded_fen'] });
const PAID_AT = new TableIndex({ name: 'idx_order_paid_at', columnNames: ['paid_at'] });

export class HqListIndexes1796200000000 implements MigrationInterface {
  name = 'HqListIndexes1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('shop_order', GUIDE_STATUS);
    await q.createIndex('shop_order', PAID_FACTS);
    await q.dropIndex('shop_order', PAID_AT.name!);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('shop_order', PAID_AT);
    await q.dropIndex('shop_order', PAID_FACTS.name!);
    await q.dropIndex('shop_order', GUIDE_STATUS.name!);
  }
}
