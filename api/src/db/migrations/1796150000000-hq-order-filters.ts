/**
 * HQ's order list filters (issue 15): every filter is an equality on a leading column followed by
 * created_at, so "newest first, one page" walks one index in order and stops after the page:
 *   no filter        → (created_at)             status → (status, created_at)
 *   kind             → (kind, created_at)       phone  → (receiver_phone, created_at)
 *   order number     → the unique order_no      date range → created_at as a range on any of them
 * The receiver's phone was only inside the address JSON; it gets its own column (filled at
 * checkout, backfilled here) so a phone search is an index lookup, not a scan of every order.
 * A store or guide filter adds (store_id | guide_id, created_at) the same way.
 */
import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

const INDEXES = [
  new TableIndex({ name: 'idx_order_created', columnNames: ['created_at'] }),
  new TableIndex({ name: 'idx_order_status_created', columnNames: ['status', 'created_at'] }),
  new TableIndex({ name: 'idx_order_kind_created', columnNames: ['kind', 'created_at'] }),
  new TableIndex({ name: 'idx_order_phone_created', columnNames: ['receiver_phone', 'created_at'] }),
];

export class HqOrderFilters1796150000000 implements MigrationInterface {
  name = 'HqOrderFilters1796150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('shop_order', new TableColumn({ name: 'receiver_phone', type: 'varchar', length: '20', isNullable: true }));
    // The one statement the two databases spell differently: MariaDB's JSON_EXTRACT keeps the quotes.
    const phone = q.connection.options.type === 'mysql' ? "JSON_UNQUOTE(JSON_EXTRACT(address, '$.phone'))" : "json_extract(address, '$.phone')";
    await q.query(`UPDATE shop_order SET receiver_phone = ${phone}`);
    for (const index of INDEXES) await q.createIndex('shop_order', index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.dropIndex('shop_order', index.name!);
    await q.dropColumn('shop_order', 'receiver_phone');
  }
}
