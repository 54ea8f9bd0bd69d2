/**
 * Foundation schema: members, HQ admins, catalogue. Written with TypeORM's Table API so one
 * migration renders correctly on MySQL/MariaDB and on SQLite.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

export class Foundation1795338000000 implements MigrationInterface {
  name = 'Foundation1795338000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'member',
        columns: [
          col.id(),
          col.varchar('openid', 64, { isUnique: true }),
          col.varchar('unionid', 64, { isNullable: true }),
          col.varchar('nickname', 32),
          col.varchar('avatar_url', 255, { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('last_login_at'),
        ],
        indices: [new TableIndex({ name: 'idx_member_unionid', columnNames: ['unionid'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'hq_admin',
        columns: [
          col.id(),
          col.varchar('username', 32, { isUnique: true }),
          col.varchar('password_hash', 255),
          col.varchar('role', 16),
          col.bool('active', true),
          col.datetime('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'category',
        columns: [
          col.id(),
          col.varchar('name', 32, { isUnique: true }),
          col.varchar('icon', 255, { isNullable: true }),
          col.int('sort'),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'product',
        columns: [
          col.id(),
          col.ref('category_id'),
          col.varchar('title', 60),
          col.varchar('subtitle', 120),
          col.text('images'),
          col.text('description'),
          col.text('tags'),
          col.text('specs'),
          col.varchar('status', 16),
          col.int('min_price_fen'),
          col.int('min_original_price_fen', { isNullable: true }),
          col.int('sales_count'),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        foreignKeys: [{ columnNames: ['category_id'], referencedTableName: 'category', referencedColumnNames: ['id'] }],
        indices: [
          new TableIndex({ name: 'idx_product_status_category', columnNames: ['status', 'category_id'] }),
          new TableIndex({ name: 'idx_product_status_created', columnNames: ['status', 'created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sku',
        columns: [
          col.id(),
          col.ref('product_id'),
          col.varchar('spec_key', 255),
          col.text('specs'),
          col.int('price_fen'),
          col.int('original_price_fen', { isNullable: true }),
          col.int('stock'),
          col.varchar('status', 16),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        foreignKeys: [{ columnNames: ['product_id'], referencedTableName: 'product', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ name: 'uq_sku_product_spec', columnNames: ['product_id', 'spec_key'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'stock_adjustment',
        columns: [
          col.id(),
          col.ref('sku_id'),
          col.int('delta'),
          col.int('stock_after'),
          col.varchar('reason', 64),
          col.ref('admin_id', true),
          col.datetime('created_at'),
        ],
        foreignKeys: [{ columnNames: ['sku_id'], referencedTableName: 'sku', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ name: 'idx_stock_adjustment_sku', columnNames: ['sku_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'banner',
        columns: [
          col.id(),
          col.varchar('title', 60),
          col.varchar('image', 255),
          col.ref('product_id', true),
          col.int('sort'),
          col.bool('active', true),
          col.datetime('created_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['banner', 'stock_adjustment', 'sku', 'product', 'category', 'hq_admin', 'member']) await q.dropTable(t);
  }
}
