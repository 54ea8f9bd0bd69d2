/**
 * Indexes that serve every sort of a category's product list (issue 11): the list filters on
 * status and category_id, orders by one key and breaks ties on id, then takes one page. With
 * (status, category_id, key) the database walks the index in order and stops after the page
 * instead of sorting the category. InnoDB and SQLite append the primary key (rowid) to every
 * secondary index, so the id tie-break is ordered by the index too. The list without a category
 * (首页's newest) keeps (status, created_at); (status, category_id) is a prefix of the new ones.
 * No (status, price) or (status, sales): with them MariaDB 10.11 walked those for a category's
 * list and filtered (hundreds of rows read for a page of 20); see catalogue.service.ts.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEXES = [
  new TableIndex({ name: 'idx_product_cat_created', columnNames: ['status', 'category_id', 'created_at'] }),
  new TableIndex({ name: 'idx_product_cat_price', columnNames: ['status', 'category_id', 'min_price_fen'] }),
  new TableIndex({ name: 'idx_product_cat_sales', columnNames: ['status', 'category_id', 'sales_count'] }),
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
