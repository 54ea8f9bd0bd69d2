/**
 * Coupons and the new-member gift (templates, per-member holdings, member coupons, the pack and
 * its grants) and the points mall (items, per-member holdings, redemptions). Table API only, so the migration renders on MySQL/MariaDB and on SQLite alike.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });
const TABLES = ['mall_redemption', 'mall_holding', 'mall_item', 'new_member_gift', 'new_member_pack', 'member_coupon', 'coupon_holding', 'coupon_template'];

export class Coupons1795700000000 implements MigrationInterface {
  name = 'Coupons1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'coupon_template',
        columns: [
          col.id(),
          col.varchar('name', 40),
          col.varchar('kind', 16),
          col.int('amount_off_fen'),
          col.int('threshold_fen'),
          col.int('percent_off'),
          col.int('max_off_fen'),
          col.text('scope'),
          col.text('validity'),
          col.text('audience'),
          col.bool('first_order_only', false),
          col.int('total_quota'),
          col.int('issued_count'),
          col.int('per_member_limit'),
          col.bool('claimable', false),
          col.bool('active', true),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'coupon_holding',
        columns: [col.id(), col.ref('template_id'), col.ref('member_id'), col.int('held')],
        indices: [idx('uq_coupon_holding', ['template_id', 'member_id'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'member_coupon',
        columns: [
          col.id(),
          col.ref('template_id'),
          col.ref('member_id'),
          col.varchar('source', 16),
          col.varchar('source_ref', 64),
          col.varchar('status', 16),
          col.datetime('valid_from'),
          col.datetime('valid_to'),
          col.ref('order_id', true),
          col.datetime('received_at'),
          col.datetime('used_at', true),
          col.datetime('updated_at'),
        ],
        indices: [
          idx('uq_member_coupon_grant', ['template_id', 'member_id', 'source', 'source_ref'], true),
          idx('idx_member_coupon_member', ['member_id', 'status']),
          idx('idx_member_coupon_expiry', ['status', 'valid_to']),
          idx('idx_member_coupon_order', ['order_id']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'new_member_pack',
        columns: [col.id(), col.text('template_ids'), col.int('points'), col.bool('active', true), col.datetime('updated_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'new_member_gift',
        columns: [col.id(), col.ref('member_id'), col.text('member_coupon_ids'), col.int('points'), col.datetime('granted_at'), col.datetime('popup_shown_at', true)],
        indices: [idx('uq_new_member_gift_member', ['member_id'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mall_item',
        columns: [
          col.id(),
          col.varchar('title', 40),
          col.varchar('image', 255, { isNullable: true }),
          col.varchar('description', 500),
          col.varchar('kind', 16),
          col.ref('sku_id', true),
          col.ref('template_id', true),
          col.int('points_price'),
          col.int('cash_fen'),
          col.int('stock'),
          col.int('redeemed_count'),
          col.int('per_member_limit'),
          col.bool('active', true),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mall_holding',
        columns: [col.id(), col.ref('item_id'), col.ref('member_id'), col.int('redeemed')],
        indices: [idx('uq_mall_holding', ['item_id', 'member_id'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mall_redemption',
        columns: [
          col.id(),
          col.ref('item_id'),
          col.ref('member_id'),
          col.varchar('kind', 16),
          col.varchar('title', 40),
          col.int('points'),
          col.int('cash_fen'),
          col.ref('order_id', true),
          col.ref('member_coupon_id', true),
          col.varchar('status', 16),
          col.datetime('created_at'),
          col.datetime('returned_at', true),
        ],
        indices: [idx('idx_mall_redemption_member', ['member_id', 'id']), idx('uq_mall_redemption_order', ['order_id'], true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.dropTable(t, true);
  }
}
