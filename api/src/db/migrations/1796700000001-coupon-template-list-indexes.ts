/**
 * HQ's coupon template list pages newest first (id), optionally on or off and in 领券中心 or not:
 * these indexes let a filtered page walk in id order and stop instead of sorting every template.
 */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const INDEXES = [
  new TableIndex({ name: 'idx_coupon_template_active', columnNames: ['active', 'id'] }),
  new TableIndex({ name: 'idx_coupon_template_claimable', columnNames: ['claimable', 'id'] }),
];

export class CouponTemplateListIndexes1796700000001 implements MigrationInterface {
  name = 'CouponTemplateListIndexes1796700000001';

  async up(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.createIndex('coupon_template', index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.dropIndex('coupon_template', index.name!);
  }
}
