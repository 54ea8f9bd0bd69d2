/**
 * HQ's points-mall item list pages newest first (id DESC), optionally on/off shelf or of one kind:
 * (active, id) and (kind, id) let a filtered page walk in that order and stop.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEXES = [
  new TableIndex({ name: 'idx_mall_item_active', columnNames: ['active', 'id'] }),
  new TableIndex({ name: 'idx_mall_item_kind', columnNames: ['kind', 'id'] }),
];

export class MallItemListIndexes1796205000001 implements MigrationInterface {
  name = 'MallItemListIndexes1796205000001';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.createIndex('mall_item', index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.dropIndex('mall_item', index.name!);
  }
}
