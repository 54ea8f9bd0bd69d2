/**
 * HQ's banner list pages in 首页 order (sort, id), optionally shown or hidden only: these indexes
 * let the page walk in that order and stop instead of sorting every banner.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEXES = [
  new TableIndex({ name: 'idx_banner_sort', columnNames: ['sort', 'id'] }),
  new TableIndex({ name: 'idx_banner_active_sort', columnNames: ['active', 'sort', 'id'] }),
];

export class BannerListIndexes1796205000002 implements MigrationInterface {
  name = 'BannerListIndexes1796205000002';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.createIndex('banner', index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.dropIndex('banner', index.name!);
  }
}
