/** 退款审核 lists refunds of one status, newest first: (status, created_at) reads one page in order. */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEX = new TableIndex({ name: 'idx_refund_status_created', columnNames: ['status', 'created_at'] });

export class HqRefundReview1796150000001 implements MigrationInterface {
  name = 'HqRefundReview1796150000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('refund', INDEX);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('refund', INDEX.name!);
  }
}
