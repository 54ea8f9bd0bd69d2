/**
 * Order kinds and the exactly-once release guard (issue: checkout extension points).
 * - shop_order.kind: 'normal' | 'group_seat' | 'points_redemption'; existing orders are normal.
 * - shop_order.released_at: set by the one transaction that gave back what checkout reserved
 *   (stock, seats, coupons, points) when the order was cancelled; a second release finds it set.
 */
import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { col } from '../columns';

export class OrderKinds1795450000000 implements MigrationInterface {
  name = 'OrderKinds1795450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('shop_order', new TableColumn(col.varchar('kind', 20, { default: "'normal'" })));
    await q.addColumn('shop_order', new TableColumn(col.datetime('released_at', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('shop_order', 'released_at');
    await q.dropColumn('shop_order', 'kind');
  }
}
