/**
 * HQ's store list pages in id order, optionally one city only: (city, id) lets the city filter
 * walk in that order and stop instead of sorting the city's stores.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEX = new TableIndex({ name: 'idx_store_city', columnNames: ['city', 'id'] });

export class StoreListIndex1796700000002 implements MigrationInterface {
  name = 'StoreListIndex1796700000002';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('store', INDEX);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('store', INDEX.name!);
  }
}
