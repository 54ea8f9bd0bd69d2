/**
 * HQ's segment push list pages newest first (created_at, id), optionally for one segment or tag:
 * (target_kind, target, created_at, id) serves that filter in that order; the unfiltered walk uses
 * idx_segment_push_created.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEX = new TableIndex({ name: 'idx_segment_push_target', columnNames: ['target_kind', 'target', 'created_at', 'id'] });

export class SegmentPushListIndex1796700000003 implements MigrationInterface {
  name = 'SegmentPushListIndex1796700000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('segment_push', INDEX);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('segment_push', INDEX.name!);
  }
}
