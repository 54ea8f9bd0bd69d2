/**
 * Indexes that serve every sort of the shopper's product list (issue 11): the list filters on
 * status (and on category_id when a category is chosen), orders by one key and breaks ties on id,
 * then takes one page. With (status[, category_id], key) the database walks the index in order
 * and stops after the page instead of sorting every matching product. InnoDB and SQLite append the
 * primary key (rowid) to every secondary index, so the id tie-break is ordered by the index too.
 * (status, created_at) already exists; (status, category_id) is a prefix of the new ones.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEXES = [
  new TableIndex({ name: 'idx_product_cat_created', columnNames: ['status', 'category_id', 'created_at'] }),
  new TableIndex({ name: 'idx_product_cat_price', columnNames: ['status', 'category_id', 'min_price_fen'] }),
  new TableIndex({ name: 'idx_product_cat_sales', columnNames: ['status', 'category_id', 'sales_count'] }),
  new TableIndex({ name: 'idx_product_status_price', columnNames: ['status', 'min_price_fen'] }),
  new TableIndex({ name: 'idx_product_status_sales', columnNames: ['status', 'sales_count'] }),
];

export class CatalogueSortIndexes1795900000000 implements MigrationInterface {
  name = 'CatalogueSortIndexes1795900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.createIndex('product', index);
    await q.dropIndex('product', 'idx_product_status_category');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createIndex('product', new TableIndex({ name: 'idx_product_status_category', columnNames: ['status', 'category_id'] }));
    for (const index of INDEXES) await q.dropIndex('product', index.name!);
  }
}
