/** Group-buy: campaigns, groups, seats and per-shopper unit counters. Table API only (MariaDB and SQLite). */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

export class GroupBuy1795500000000 implements MigrationInterface {
  name = 'GroupBuy1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'gb_campaign',
        columns: [
          col.id(),
          col.varchar('title', 60),
          col.ref('sku_id'),
          col.ref('product_id'),
          col.int('group_price_fen'),
          col.int('group_size'),
          col.int('stock_total'),
          col.int('stock_left'),
          col.int('units_held'),
          col.int('units_sold'),
          col.int('units_returned'),
          col.datetime('start_at'),
          col.datetime('end_at'),
          col.int('group_hours'),
          col.int('per_shopper_limit'),
          col.varchar('status', 16),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [idx('idx_gb_campaign_status_end', ['status', 'end_at'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'gb_group',
        columns: [
          col.id(),
          col.ref('campaign_id'),
          col.ref('leader_member_id'),
          col.int('size'),
          col.int('seats_taken'),
          col.int('seats_paid'),
          col.varchar('status', 16),
          col.datetime('expires_at'),
          col.datetime('settled_at', true),
          col.datetime('created_at'),
        ],
        indices: [idx('idx_gb_group_campaign_status', ['campaign_id', 'status', 'expires_at']), idx('idx_gb_group_status_expires', ['status', 'expires_at'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'gb_seat',
        columns: [
          col.id(),
          col.ref('campaign_id'),
          col.ref('group_id'),
          col.ref('member_id'),
          { ...col.ref('order_id'), isUnique: true },
          col.int('quantity'),
          col.bool('leader', false),
          col.varchar('status', 16),
          col.int('live', { isNullable: true }),
          col.varchar('notice', 16, { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [
          idx('uq_gb_seat_live_member', ['group_id', 'member_id', 'live'], true),
          idx('idx_gb_seat_member', ['member_id', 'created_at']),
          idx('idx_gb_seat_campaign', ['campaign_id', 'status']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'gb_shopper',
        columns: [col.id(), col.ref('campaign_id'), col.ref('member_id'), col.int('units')],
        indices: [idx('uq_gb_shopper', ['campaign_id', 'member_id'], true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['gb_shopper', 'gb_seat', 'gb_group', 'gb_campaign']) await q.dropTable(t);
  }
}
