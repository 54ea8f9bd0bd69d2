/**
 * Coupons usable in store (门店核销): the template's flag, and on the member's copy the store code a
 * cashier scans (unique; NULL until first shown, and both databases allow many NULLs in a unique
 * index) with the store and receipt number of the redemption.
 */
import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col } from '../columns';

const COUPON_COLUMNS = [col.varchar('store_code', 12, { isNullable: true }), col.ref('redeemed_store_id', true), col.varchar('receipt_no', 64, { isNullable: true })];

export class CouponsInStore1796320000000 implements MigrationInterface {
  name = 'CouponsInStore1796320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('coupon_template', new TableColumn(col.bool('usable_in_store', false)));
    await q.addColumns('member_coupon', COUPON_COLUMNS.map((c) => new TableColumn(c)));
    await q.createIndex('member_coupon', new TableIndex({ name: 'uq_member_coupon_store_code', columnNames: ['store_code'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('member_coupon', 'uq_member_coupon_store_code');
    for (const c of COUPON_COLUMNS) await q.dropColumn('member_coupon', c.name);
    await q.dropColumn('coupon_template', 'usable_in_store');
  }
}
