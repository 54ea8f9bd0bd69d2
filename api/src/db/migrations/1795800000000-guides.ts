/**
 * Guides: stores, guides, touches, bindings, WeCom contacts and events, order attribution,
 * attribution rule sets, commission rates, accounts and ledger, the add-your-guide prompt.
 * Table API only, so the migration renders on MySQL/MariaDB and on SQLite alike.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });
const nullable = { isNullable: true };

const TABLES = [
  new Table({
    name: 'store',
    columns: [col.id(), col.varchar('name', 40), col.varchar('code', 20), col.varchar('city', 20), col.ref('default_guide_id', true), col.datetime('created_at')],
    indices: [idx('uq_store_code', ['code'], true)],
  }),
  new Table({
    name: 'guide',
    columns: [
      col.id(),
      col.varchar('name', 20),
      col.varchar('wecom_user_id', 64),
      col.ref('store_id'),
      col.varchar('status', 10),
      col.varchar('avatar_url', 255, nullable),
      col.ref('member_id', true),
      col.varchar('binding_code', 16, nullable),
      col.datetime('binding_code_expires_at', true),
      col.varchar('contact_config_id', 64, nullable),
      col.varchar('qr_config_id', 64, nullable),
      col.varchar('qr_code_url', 255, nullable),
      col.datetime('left_at', true),
      col.datetime('created_at'),
    ],
    indices: [
      idx('uq_guide_wecom_user', ['wecom_user_id'], true),
      idx('uq_guide_member', ['member_id'], true),
      idx('uq_guide_binding_code', ['binding_code'], true),
      idx('idx_guide_store', ['store_id']),
    ],
  }),
  new Table({
    name: 'guide_touch',
    columns: [
      col.id(),
      col.ref('member_id'),
      col.ref('guide_id'),
      col.varchar('token', 40),
      col.int('scene', nullable),
      col.varchar('group_chat_id', 64, nullable),
      col.varchar('path', 200),
      col.int('hour_bucket'),
      col.datetime('created_at'),
    ],
    indices: [idx('uq_guide_touch_hour', ['member_id', 'guide_id', 'hour_bucket'], true), idx('idx_guide_touch_member', ['member_id', 'created_at'])],
  }),
  new Table({
    name: 'guide_binding',
    columns: [col.id(), col.ref('member_id'), col.ref('guide_id'), col.varchar('source', 10), col.datetime('bound_at'), col.int('version')],
    indices: [idx('uq_guide_binding_member', ['member_id'], true), idx('idx_guide_binding_guide', ['guide_id'])],
  }),
  new Table({
    name: 'guide_binding_log',
    columns: [col.id(), col.ref('member_id'), col.ref('from_guide_id', true), col.ref('to_guide_id'), col.varchar('reason', 20), col.varchar('actor', 40, nullable), col.datetime('created_at')],
    indices: [idx('idx_guide_binding_log_member', ['member_id'])],
  }),
  new Table({
    name: 'guide_add_tap',
    columns: [col.id(), col.ref('member_id'), col.ref('guide_id'), col.datetime('created_at')],
    indices: [idx('idx_guide_add_tap_guide', ['guide_id', 'created_at'])],
  }),
  new Table({
    name: 'wecom_contact',
    columns: [
      col.id(),
      col.ref('guide_id'),
      col.varchar('external_user_id', 64),
      col.ref('member_id', true),
      col.varchar('state', 30, nullable),
      col.varchar('status', 10),
      col.varchar('linked_by', 10, nullable),
      col.bool('after_first_purchase', false),
      col.datetime('added_at'),
      col.datetime('deleted_at', true),
    ],
    indices: [idx('uq_wecom_contact', ['guide_id', 'external_user_id'], true), idx('idx_wecom_contact_member', ['member_id'])],
  }),
  new Table({
    name: 'wecom_event',
    columns: [col.id(), col.varchar('dedup_key', 191), col.varchar('change_type', 40), col.text('payload'), col.datetime('created_at')],
    indices: [idx('uq_wecom_event_dedup', ['dedup_key'], true)],
  }),
  new Table({
    name: 'order_attribution',
    columns: [
      col.id(),
      col.ref('order_id'),
      col.ref('member_id'),
      col.ref('guide_id', true),
      col.ref('bound_guide_id', true),
      col.ref('sharing_guide_id', true),
      col.ref('store_id', true),
      col.varchar('group_chat_id', 64, nullable),
      col.varchar('token_id', 40, nullable),
      col.int('scene', nullable),
      col.datetime('touch_at', true),
      col.int('rule_version'),
      col.varchar('reason', 20),
      col.datetime('created_at'),
    ],
    indices: [idx('uq_order_attribution_order', ['order_id'], true), idx('idx_order_attribution_guide', ['guide_id', 'created_at'])],
  }),
  new Table({
    name: 'attribution_rule_set',
    columns: [col.id(), col.int('version'), col.int('protection_days'), col.int('sharing_window_hours'), col.int('token_max_age_days'), col.varchar('created_by', 40), col.datetime('created_at')],
    indices: [idx('uq_attribution_rule_version', ['version'], true)],
  }),
  new Table({
    name: 'commission_rate',
    columns: [col.id(), col.varchar('scope', 10), col.ref('ref_id'), col.int('rate_bp')],
    indices: [idx('uq_commission_rate', ['scope', 'ref_id'], true)],
  }),
  new Table({
    name: 'commission_account',
    columns: [
      col.id(),
      col.ref('order_id'),
      col.ref('guide_id'),
      col.int('payable_fen'),
      col.int('accrued_fen'),
      col.int('held_fen'),
      col.int('released_fen'),
      col.int('reversed_fen'),
      col.int('refunded_seen_fen'),
      col.datetime('created_at'),
      col.datetime('updated_at'),
    ],
    indices: [idx('uq_commission_account_order', ['order_id'], true), idx('idx_commission_account_guide', ['guide_id'])],
  }),
  new Table({
    name: 'commission_entry',
    columns: [col.id(), col.ref('order_id'), col.ref('guide_id'), col.varchar('event_key', 64), col.varchar('kind', 20), col.int('amount_fen'), col.datetime('created_at')],
    indices: [idx('uq_commission_entry', ['order_id', 'event_key'], true), idx('idx_commission_entry_guide', ['guide_id', 'created_at'])],
  }),
  new Table({
    name: 'guide_prompt',
    columns: [col.id(), col.ref('member_id'), col.ref('order_id'), col.datetime('shown_at')],
    indices: [idx('uq_guide_prompt_member', ['member_id'], true)],
  }),
];

export class Guides1795800000000 implements MigrationInterface {
  name = 'Guides1795800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.createTable(t);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.dropTable(t.name);
  }
}
