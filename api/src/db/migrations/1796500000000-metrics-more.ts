/**
 * More insight metrics: touches and the touch funnel, coupons issued, points earned and used, the
 * add-your-guide rate after a first purchase and offline (POS) sales, as new counter columns (all
 * default 0, so existing rows stay valid); plus the indexes the new reads need: coupon copies and
 * points entries by day, counted orders by member. Table API only (MariaDB and SQLite alike).
 */
import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

const zero = { default: 0 };
const ADDED: [string, TableColumn[]][] = [
  ['metric_daily', ['touches', 'coupons_issued', 'points_earned', 'points_used', 'first_buyers_added_guide', 'offline_sales', 'offline_gmv_fen', 'offline_return_fen'].map((c) => new TableColumn(col.int(c, zero)))],
  ['metric_period', ['touched_members', 'touched_first_buyers', 'touched_repeat_buyers'].map((c) => new TableColumn(col.int(c, zero)))],
  ['metric_member', [new TableColumn(col.bool('touched', false)), new TableColumn(col.bool('first_buy', false)), new TableColumn(col.int('funnel', zero))]],
  ['metric_order', [new TableColumn(col.bool('guide_added', false))]],
];
const INDICES: [string, TableIndex][] = [
  ['points_entry', new TableIndex({ name: 'idx_points_entry_created', columnNames: ['created_at'] })],
  ['member_coupon', new TableIndex({ name: 'idx_member_coupon_received', columnNames: ['received_at'] })],
  ['metric_order', new TableIndex({ name: 'idx_metric_order_member', columnNames: ['member_id', 'first_purchase'] })],
];

export class MetricsMore1796500000000 implements MigrationInterface {
  name = 'MetricsMore1796500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, cols] of ADDED) await q.addColumns(table, cols);
    for (const [table, index] of INDICES) await q.createIndex(table, index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, index] of INDICES) await q.dropIndex(table, index.name!);
    for (const [table, cols] of ADDED) for (const c of cols) await q.dropColumn(table, c.name);
  }
}
