/**
 * Insight metrics (数据): daily counters and distinct-member counters per (period, scope), the
 * member rows behind the distinct counts, applied-event keys, targets and the ROI plan. Table API
 * only, so the migration renders on MySQL/MariaDB and on SQLite alike.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });
const zero = { default: 0 };
const scope = [col.varchar('scope_kind', 5), col.ref('scope_id')];
const DAILY = ['new_members', 'paid_orders', 'gmv_fen', 'refund_fen', 'guide_orders', 'guide_gmv_fen', 'first_purchases', 'groups_succeeded', 'groups_failed', 'coupons_used', 'coupon_fen', 'points_spent'];
const PERIOD = ['active_members', 'signed_in_members', 'paying_members', 'repeat_members'];

const TABLES = [
  new Table({
    name: 'metric_daily',
    columns: [col.id(), col.varchar('day', 10), ...scope, ...DAILY.map((c) => col.int(c, zero))],
    indices: [idx('uq_metric_daily', ['day', 'scope_kind', 'scope_id'], true), idx('idx_metric_daily_scope', ['scope_kind', 'scope_id', 'day'])],
  }),
  new Table({
    name: 'metric_period',
    columns: [col.id(), col.varchar('period', 11), ...scope, ...PERIOD.map((c) => col.int(c, zero))],
    indices: [idx('uq_metric_period', ['period', 'scope_kind', 'scope_id'], true)],
  }),
  new Table({
    name: 'metric_member',
    columns: [col.id(), col.varchar('period', 11), ...scope, col.ref('member_id'), col.bool('active', false), col.bool('signed_in', false), col.int('paid_orders', zero)],
    indices: [idx('uq_metric_member', ['period', 'scope_kind', 'scope_id', 'member_id'], true), idx('idx_metric_member_member', ['member_id', 'period'])],
  }),
  new Table({
    name: 'metric_order',
    columns: [
      { ...col.ref('order_id'), isPrimary: true },
      col.varchar('day', 10),
      col.ref('member_id'),
      col.ref('guide_id', true),
      col.ref('store_id', true),
      col.int('payable_fen'),
      col.int('refund_fen'),
      col.bool('first_purchase', false),
    ],
    indices: [idx('idx_metric_order_day', ['day'])],
  }),
  new Table({ name: 'metric_applied', columns: [{ ...col.varchar('apply_key', 80), isPrimary: true }, col.datetime('applied_at')] }),
  new Table({ name: 'metric_target', columns: [{ ...col.varchar('metric', 20), isPrimary: true }, col.int('value', { isNullable: true }), col.datetime('updated_at')] }),
  new Table({ name: 'metric_roi_plan', columns: [{ ...col.ref('id'), isPrimary: true }, col.text('plan'), col.datetime('updated_at')] }),
];

export class InsightMetrics1796310000000 implements MigrationInterface {
  name = 'InsightMetrics1796310000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.createTable(t);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.dropTable(t.name);
  }
}
