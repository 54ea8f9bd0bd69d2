/**
 * Subscribe messages (订阅消息): the members' one-time consents per template, and one row per
 * (member, event key) sent or decided, whose unique key keeps a send to at most once per event.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[], isUnique = false) => new TableIndex({ name, columnNames, isUnique });

export class Subscriptions1796320000001 implements MigrationInterface {
  name = 'Subscriptions1796320000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'subscribe_consent',
        columns: [col.id(), col.ref('member_id'), col.varchar('template_id', 64), col.int('available'), col.datetime('updated_at')],
        indices: [idx('uq_subscribe_consent', ['member_id', 'template_id'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'subscribe_send',
        columns: [
          col.id(),
          col.ref('member_id'),
          col.varchar('event_key', 80),
          col.varchar('kind', 20),
          col.varchar('template_id', 64),
          col.varchar('status', 12),
          col.int('errcode', { isNullable: true }),
          col.datetime('created_at'),
          col.datetime('sent_at', true),
        ],
        indices: [idx('uq_subscribe_send_event', ['member_id', 'event_key'], true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('subscribe_send');
    await q.dropTable('subscribe_consent');
  }
}
