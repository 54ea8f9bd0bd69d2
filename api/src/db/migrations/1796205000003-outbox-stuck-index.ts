/**
 * HQ's stuck-delivery list pages a status (dead, or pending after a failure) oldest first, by id:
 * (status, id) lets the page walk that status in order and stop, not sort every delivery.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEX = new TableIndex({ name: 'idx_outbox_delivery_status_id', columnNames: ['status', 'id'] });

export class OutboxStuckIndex1796205000003 implements MigrationInterface {
  name = 'OutboxStuckIndex1796205000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('outbox_delivery', INDEX);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('outbox_delivery', INDEX.name!);
  }
}
