/**
 * The guide's WeCom sidebar: customer groups synced from WeCom and their members, cards sent
 * from the sidebar, and the notes a guide keeps about a customer. Table API only, so the
 * migration renders on MySQL/MariaDB and on SQLite alike.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });
const nullable = { isNullable: true };

const TABLES = [
  new Table({
    name: 'wecom_group',
    columns: [
      col.id(),
      col.varchar('chat_id', 64),
      col.varchar('name', 100),
      col.varchar('owner_user_id', 64),
      col.varchar('kind', 10, nullable),
      col.int('status'),
      col.int('member_count'),
      col.bool('dismissed', false),
      col.datetime('wecom_created_at', true),
      col.datetime('synced_at'),
      col.datetime('created_at'),
    ],
    indices: [idx('uq_wecom_group_chat', ['chat_id'], true), idx('idx_wecom_group_owner', ['owner_user_id'])],
  }),
  new Table({
    name: 'wecom_group_member',
    columns: [col.id(), col.varchar('chat_id', 64), col.varchar('userid', 64), col.int('type'), col.varchar('unionid', 64, nullable), col.datetime('joined_at', true)],
    indices: [idx('uq_wecom_group_member', ['chat_id', 'userid'], true), idx('idx_wecom_group_member_unionid', ['unionid'])],
  }),
  new Table({
    name: 'sidebar_send',
    columns: [
      col.id(),
      col.ref('guide_id'),
      col.varchar('chat_kind', 10),
      col.varchar('chat_id', 64),
      col.varchar('target_kind', 10),
      col.ref('target_id', true),
      col.varchar('page', 255),
      col.varchar('outcome', 10),
      col.varchar('err_msg', 200, nullable),
      col.datetime('created_at'),
      col.datetime('settled_at', true),
    ],
    indices: [idx('idx_sidebar_send_chat', ['chat_id', 'created_at']), idx('idx_sidebar_send_guide', ['guide_id', 'created_at'])],
  }),
  new Table({
    name: 'guide_note',
    columns: [col.id(), col.ref('guide_id'), col.ref('member_id'), col.varchar('text', 500), col.datetime('created_at')],
    indices: [idx('idx_guide_note_member', ['guide_id', 'member_id', 'created_at'])],
  }),
];

export class Sidebar1796100000000 implements MigrationInterface {
  name = 'Sidebar1796100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.createTable(t);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.dropTable(t.name);
  }
}
