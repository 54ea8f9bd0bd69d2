/**
 * HQ's WeCom group list pages live groups first, newest first (dismissed, id DESC): this index
 * lets the page walk in that order and stop, instead of sorting every group on every page. A store
 * manager's list (owners of one store) starts from idx_wecom_group_owner and sorts only that store's.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEX = new TableIndex({ name: 'idx_wecom_group_listed', columnNames: ['dismissed', 'id'] });

export class WecomGroupListIndex1796200000002 implements MigrationInterface {
  name = 'WecomGroupListIndex1796200000002';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('wecom_group', INDEX);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('wecom_group', INDEX.name!);
  }
}
