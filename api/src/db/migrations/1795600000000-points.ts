/**
 * Membership and points: the points ledger (account, entries, lots, lot uses), member profiles
 * (birthday, growth, tier) with their tier log and growth entries, daily sign-ins, referrals and
 * the HQ settings row. Table API only, so it renders on MySQL/MariaDB and SQLite alike.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

const TABLES = [
  new Table({
    name: 'points_account',
    columns: [col.id(), col.ref('member_id'), col.int('balance'), col.int('pending'), col.int('debt'), col.datetime('updated_at')],
    indices: [idx('uq_points_account_member', ['member_id'], true)],
  }),
  new Table({
    name: 'points_entry',
    columns: [
      col.id(),
      col.ref('member_id'),
      col.varchar('entry_key', 96),
      col.varchar('kind', 16),
      col.int('points'),
      col.int('balance_delta'),
      col.int('pending_delta'),
      col.int('debt_delta'),
      col.varchar('reason', 64),
      col.varchar('ref_key', 96, { isNullable: true }),
      col.ref('operator_id', true),
      col.datetime('created_at'),
    ],
    indices: [idx('uq_points_entry_key', ['entry_key'], true), idx('idx_points_entry_member', ['member_id', 'id']), idx('idx_points_entry_ref', ['ref_key'])],
  }),
  new Table({
    name: 'points_lot',
    columns: [col.id(), col.ref('member_id'), col.ref('entry_id'), col.int('points'), col.int('remaining'), col.datetime('expires_at'), col.datetime('reminded_at', true), col.datetime('created_at')],
    indices: [idx('idx_points_lot_member_expiry', ['member_id', 'expires_at']), idx('idx_points_lot_expiry', ['expires_at'])],
  }),
  new Table({
    name: 'points_lot_use',
    columns: [col.id(), col.ref('entry_id'), col.ref('lot_id'), col.int('points'), col.int('returned')],
    indices: [idx('idx_points_lot_use_entry', ['entry_id'])],
  }),
  new Table({
    name: 'points_signin',
    columns: [col.id(), col.ref('member_id'), col.varchar('day', 10), col.int('streak'), col.int('points'), col.datetime('created_at')],
    indices: [idx('uq_points_signin_member_day', ['member_id', 'day'], true)],
  }),
  new Table({
    name: 'member_referral',
    columns: [col.id(), col.ref('member_id'), col.ref('referrer_id'), col.datetime('rewarded_at', true), col.datetime('created_at')],
    indices: [idx('uq_member_referral_member', ['member_id'], true), idx('idx_member_referral_referrer', ['referrer_id'])],
  }),
  new Table({
    name: 'member_profile',
    columns: [
      col.id(),
      col.ref('member_id'),
      col.varchar('birthday', 10, { isNullable: true }),
      col.int('growth'),
      col.varchar('tier', 16),
      col.datetime('tier_since'),
      col.datetime('updated_at'),
    ],
    indices: [idx('uq_member_profile_member', ['member_id'], true)],
  }),
  new Table({
    name: 'member_growth_entry',
    columns: [col.id(), col.ref('member_id'), col.varchar('entry_key', 96), col.int('delta'), col.datetime('created_at')],
    indices: [idx('uq_member_growth_key', ['entry_key'], true), idx('idx_member_growth_member', ['member_id'])],
  }),
  new Table({
    name: 'member_tier_log',
    columns: [col.id(), col.ref('member_id'), col.varchar('from_tier', 16), col.varchar('to_tier', 16), col.int('growth'), col.varchar('reason', 64), col.datetime('created_at')],
    indices: [idx('idx_member_tier_log_member', ['member_id'])],
  }),
  new Table({
    name: 'membership_setting',
    columns: [col.varchar('name', 32, { isPrimary: true }), col.text('value'), col.ref('updated_by', true), col.datetime('updated_at')],
  }),
];

export class Points1795600000000 implements MigrationInterface {
  name = 'Points1795600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.createTable(t);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.dropTable(t.name);
  }
}
