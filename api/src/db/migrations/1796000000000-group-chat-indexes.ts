/**
 * Guides: per-group reads (the sidebar's group view, HQ's group report) filter touches and order
 * attribution snapshots by the group chat id, so both get an index on it.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEXES: [string, TableIndex][] = [
  ['guide_touch', new TableIndex({ name: 'idx_guide_touch_chat', columnNames: ['group_chat_id', 'created_at'] })],
  ['order_attribution', new TableIndex({ name: 'idx_order_attribution_chat', columnNames: ['group_chat_id', 'created_at'] })],
];

export class GroupChatIndexes1796000000000 implements MigrationInterface {
  name = 'GroupChatIndexes1796000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await q.createIndex(table, index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await q.dropIndex(table, index.name!);
  }
}
