/**
 * Member insight: visit days, the per-member RFM/tag row kept up to date by outbox handlers, the
 * insight's own copy of each paid order's figures (so re-scoring never reads the order tables),
 * manual tags, the thresholds/nightly state row and segment coupon pushes. Table API only, so it
 * renders on MySQL/MariaDB and on SQLite alike.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });
const nullable = { isNullable: true };

const TABLES = [
  new Table({
    name: 'member_visit_day',
    columns: [col.id(), col.ref('member_id'), col.varchar('day', 10), col.datetime('created_at')],
    // The unique key is the "one write per member per day" rule: a second insert is ignored.
    indices: [idx('uq_member_visit_day', ['member_id', 'day'], true), idx('idx_member_visit_day_day', ['day'])],
  }),
  new Table({
    name: 'member_insight',
    columns: [
      { ...col.ref('member_id'), isPrimary: true },
      col.datetime('registered_at'),
      col.datetime('last_paid_at', true),
      col.int('frequency'),
      col.int('monetary_fen'),
      col.int('promo_orders'),
      col.varchar('last_visit_day', 10, nullable),
      col.ref('guide_id', true),
      col.ref('store_id', true),
      col.varchar('segment', 20),
      col.bool('tag_dormant', false),
      col.bool('tag_promo', false),
      col.bool('tag_new', false),
      col.bool('tag_high_value', false),
      col.datetime('updated_at'),
    ],
    indices: [
      idx('idx_member_insight_segment', ['segment', 'member_id']),
      idx('idx_member_insight_store', ['store_id', 'segment', 'member_id']),
      idx('idx_member_insight_m', ['monetary_fen']),
      idx('idx_member_insight_dormant', ['tag_dormant', 'member_id']),
      idx('idx_member_insight_promo', ['tag_promo', 'member_id']),
      idx('idx_member_insight_new', ['tag_new', 'member_id']),
      idx('idx_member_insight_hv', ['tag_high_value', 'member_id']),
      // A store manager's tag counts: covered by one range of their store.
      idx('idx_member_insight_store_tags', ['store_id', 'tag_dormant', 'tag_promo', 'tag_new', 'tag_high_value']),
    ],
  }),
  new Table({
    name: 'insight_order',
    columns: [
      { ...col.ref('order_id'), isPrimary: true },
      col.ref('member_id'),
      col.datetime('paid_at'),
      col.int('payable_fen'),
      col.int('refunded_fen'),
      col.bool('promo', false),
    ],
    indices: [idx('idx_insight_order_member', ['member_id', 'paid_at']), idx('idx_insight_order_paid', ['paid_at'])],
  }),
  new Table({
    name: 'member_manual_tag',
    columns: [col.id(), col.ref('member_id'), col.varchar('tag', 24), col.varchar('created_by', 32), col.datetime('created_at')],
    indices: [idx('uq_member_manual_tag', ['member_id', 'tag'], true), idx('idx_member_manual_tag_tag', ['tag', 'member_id'])],
  }),
  new Table({
    name: 'insight_setting',
    columns: [
      { ...col.ref('id'), isPrimary: true },
      col.int('hq_recency_days', nullable),
      col.int('hq_frequency', nullable),
      col.int('hq_monetary_fen', nullable),
      col.int('med_recency_days', nullable),
      col.int('med_frequency', nullable),
      col.int('med_monetary_fen', nullable),
      col.int('high_value_fen', nullable),
      col.varchar('scored_day', 10, nullable),
      col.bool('rescore_requested', false),
      col.datetime('updated_at'),
    ],
  }),
  new Table({
    name: 'segment_push',
    columns: [
      col.id(),
      col.varchar('batch_key', 32),
      col.ref('template_id'),
      col.varchar('target_kind', 10),
      col.varchar('target', 20),
      col.varchar('status', 10),
      col.int('members'),
      col.int('cursor_member_id'),
      col.varchar('created_by', 32),
      col.datetime('created_at'),
      col.datetime('finished_at', true),
    ],
    indices: [idx('uq_segment_push_batch', ['batch_key'], true), idx('idx_segment_push_created', ['created_at'])],
  }),
];

export class InsightSegments1796300000000 implements MigrationInterface {
  name = 'InsightSegments1796300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.createTable(t);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.dropTable(t.name);
  }
}
