/**
 * The member card (开卡): one row per member who gave their phone number. The number is stored
 * encrypted (AES-256-GCM, the key id beside it) with a keyed-hash index for lookups by phone, so
 * the counter finds a member without decrypting any row. Table API only (MySQL and SQLite).
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const TABLE = new Table({
  name: 'member_phone',
  columns: [
    { ...col.ref('member_id'), isPrimary: true },
    col.varchar('key_id', 16),
    // base64 of iv (12) + ciphertext + tag (16): 40 bytes for an 11-digit number.
    col.varchar('cipher', 128),
    // hex HMAC-SHA256 of the canonical number under PHONE_INDEX_KEY.
    col.varchar('phone_index', 64),
    col.varchar('masked', 20),
    col.varchar('country_code', 8),
    col.datetime('opened_at'),
    col.datetime('verified_at'),
  ],
  indices: [new TableIndex({ name: 'idx_member_phone_index', columnNames: ['phone_index', 'verified_at'] }), new TableIndex({ name: 'idx_member_phone_key', columnNames: ['key_id'] })],
});

export class MemberCard1796410000000 implements MigrationInterface {
  name = 'MemberCard1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(TABLE);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('member_phone');
  }
}
