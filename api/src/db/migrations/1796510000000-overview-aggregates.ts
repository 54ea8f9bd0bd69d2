/**
 * 概览 from aggregates: products per day and scope (chain or guide) keyed by their read order,
 * and the orders counted into it (the handler's idempotency key; by day for the catch-up job).
 * The OrderPaid handler fills them from now on and the catch-up job backfills the last 31 days.
 */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const pk = (c: ReturnType<typeof col.ref>) => ({ ...c, isPrimary: true });

const TABLES = [
  new Table({
    name: 'overview_product_daily',
    columns: [
      pk(col.varchar('scope_kind', 5)),
      pk(col.ref('scope_id')),
      pk(col.varchar('day', 10)),
      pk(col.ref('product_id')),
      col.varchar('title', 60),
      col.int('quantity'),
      col.int('payable_fen'),
    ],
  }),
  new Table({
    name: 'overview_order',
    columns: [pk(col.ref('order_id')), col.varchar('day', 10)],
    indices: [new TableIndex({ name: 'idx_overview_order_day', columnNames: ['day'] })],
  }),
];

export class OverviewAggregates1796510000000 implements MigrationInterface {
  name = 'OverviewAggregates1796510000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) await q.createTable(t);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.dropTable(t.name);
  }
}
