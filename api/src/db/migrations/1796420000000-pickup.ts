/**
 * 门店自提: each store's pickup profile (address, hours, location, on/off), keyed by the store id
 * the guides module owns, and one row per pickup order (store, code, its own state). An order
 * that never ships has no address, so shop_order.address becomes nullable (SQLite rebuilds the
 * table for that; TypeORM's Table API renders both databases).
 */
import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });
const nullable = { isNullable: true };

const TABLES = [
  new Table({
    name: 'pickup_store',
    columns: [
      { name: 'store_id', type: 'integer', isPrimary: true },
      col.varchar('address', 120),
      col.varchar('hours', 60),
      // Micro-degrees (integers stay exact and portable on both databases).
      col.int('lat_e6', nullable),
      col.int('lng_e6', nullable),
      col.bool('enabled', true),
      col.datetime('updated_at'),
    ],
  }),
  new Table({
    name: 'pickup_order',
    columns: [
      col.id(),
      col.ref('order_id'),
      col.ref('store_id'),
      col.ref('member_id'),
      col.varchar('code', 8),
      // The code while the order is open (awaiting payment, ready, on hold), NULL once it is
      // collected or closed: the unique key makes open codes unique and lets closed ones recur.
      col.varchar('open_code', 8, nullable),
      col.varchar('state', 20),
      col.datetime('ready_at', true),
      col.datetime('collected_at', true),
      col.varchar('collected_by', 40, nullable),
      col.datetime('created_at'),
      col.datetime('updated_at'),
    ],
    indices: [idx('uq_pickup_order_order', ['order_id'], true), idx('uq_pickup_order_open_code', ['open_code'], true), idx('idx_pickup_order_store_code', ['store_id', 'code']), idx('idx_pickup_order_store_state', ['store_id', 'state', 'created_at'])],
  }),
];

export class Pickup1796420000000 implements MigrationInterface {
  name = 'Pickup1796420000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.createTable(t);
    await q.changeColumn('shop_order', 'address', new TableColumn({ name: 'address', type: 'text', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    // Pickup orders have no address: give them an empty one before the column is required again.
    await q.query(`UPDATE shop_order SET address = '{"name":"","phone":"","region":"","detail":""}' WHERE address IS NULL`);
    await q.changeColumn('shop_order', 'address', new TableColumn({ name: 'address', type: 'text', isNullable: false }));
    for (const t of [...TABLES].reverse()) await q.dropTable(t.name);
  }
}
