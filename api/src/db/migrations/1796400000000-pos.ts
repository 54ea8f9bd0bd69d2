/**
 * The POS integration (issue 18): store API keys (no secret stored: it is derived from
 * POS_KEY_SECRET and the key's salt; only its SHA-256 is kept), used nonces (unique per key,
 * pruned by a job), offline sales (unique per store and receipt number: the idempotency key),
 * returns (unique per store and return number), offline commission (one row per sale or
 * return, keyed), member-code scans at the counter and the POS settings.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });
const uniq = (name: string, columnNames: string[]) => new TableUnique({ name, columnNames });

export class Pos1796400000000 implements MigrationInterface {
  name = 'Pos1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'pos_api_key',
        columns: [
          col.id(),
          col.ref('store_id'),
          col.varchar('key_id', 32, { isUnique: true }),
          col.varchar('label', 40),
          col.varchar('salt', 32),
          col.varchar('secret_sha256', 64),
          col.ref('created_by', true),
          col.datetime('created_at'),
          col.datetime('revoked_at', true),
          col.datetime('last_used_at', true),
        ],
        indices: [idx('idx_pos_key_store', ['store_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pos_nonce',
        columns: [col.id(), col.ref('api_key_id'), col.varchar('nonce', 64), col.datetime('created_at')],
        // Why unique: a replayed nonce fails the insert, whichever instance sees it.
        uniques: [uniq('uq_pos_nonce', ['api_key_id', 'nonce'])],
        indices: [idx('idx_pos_nonce_created', ['created_at'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pos_sale',
        columns: [
          col.id(),
          col.ref('store_id'),
          col.varchar('receipt_no', 64),
          col.varchar('body_sha256', 64),
          col.ref('api_key_id'),
          col.datetime('sold_at'),
          col.varchar('day', 10),
          col.varchar('payment_method', 16),
          col.int('total_fen'),
          col.int('discount_fen'),
          col.int('payable_fen'),
          col.int('returned_fen', { default: 0 }),
          col.text('lines_json'),
          col.int('line_count'),
          col.ref('member_id', true),
          col.ref('guide_id', true),
          col.varchar('attribution_rule', 16),
          col.text('attribution_evidence', true),
          col.int('points_earned', { default: 0 }),
          col.int('bonus_points', { default: 0 }),
          col.datetime('created_at'),
        ],
        // Why unique: (store, receipt) is the posting's idempotency key; parallel retries race on it.
        uniques: [uniq('uq_pos_sale_receipt', ['store_id', 'receipt_no'])],
        indices: [idx('idx_pos_sale_day', ['day', 'store_id']), idx('idx_pos_sale_guide_day', ['guide_id', 'day']), idx('idx_pos_sale_member', ['member_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pos_return',
        columns: [
          col.id(),
          col.ref('store_id'),
          col.ref('sale_id'),
          col.varchar('return_no', 64),
          col.varchar('body_sha256', 64),
          col.int('amount_fen'),
          col.int('points_taken_back', { default: 0 }),
          col.datetime('returned_at'),
          col.varchar('day', 10),
          col.datetime('created_at'),
        ],
        uniques: [uniq('uq_pos_return_no', ['store_id', 'return_no'])],
        indices: [idx('idx_pos_return_sale', ['sale_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pos_commission',
        columns: [col.id(), col.ref('sale_id'), col.ref('return_id', true), col.ref('guide_id'), col.varchar('entry_key', 64, { isUnique: true }), col.varchar('kind', 10), col.int('amount_fen'), col.varchar('day', 10), col.datetime('created_at')],
        indices: [idx('idx_pos_commission_guide', ['guide_id', 'day'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pos_scan',
        columns: [col.id(), col.ref('store_id'), col.ref('member_id'), col.datetime('scanned_at')],
        indices: [idx('idx_pos_scan_member', ['member_id', 'scanned_at'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'pos_setting',
        columns: [{ name: 'name', type: 'varchar', length: '32', isPrimary: true }, col.text('value'), col.ref('updated_by', true), col.datetime('updated_at')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['pos_setting', 'pos_scan', 'pos_commission', 'pos_return', 'pos_sale', 'pos_nonce', 'pos_api_key']) await q.dropTable(t);
  }
}
