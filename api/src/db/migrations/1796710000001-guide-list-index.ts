/**
 * HQ's guide list pages in id order, optionally 在职 or 已离职 only: (status, id) lets the status
 * filter walk in that order and stop instead of sorting. One store's guides already walk
 * idx_guide_store (its entries end in the primary key).
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEX = new TableIndex({ name: 'idx_guide_status', columnNames: ['status', 'id'] });

export class GuideListIndex1796710000001 implements MigrationInterface {
  name = 'GuideListIndex1796710000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('guide', INDEX);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('guide', INDEX.name!);
  }
}
