/**
 * Order numbers from a sequence instead of the row id (issue 19: one statement less per order).
 * The number used to be the id through a keyed permutation, so it could only be written by an
 * UPDATE after the INSERT. Now checkout takes a value of the `order-no` sequence (db/sequence.ts)
 * before the transaction and the INSERT carries the number. The sequence starts after the highest
 * id: every existing number is the permutation of some id up to it, so no value is used twice.
 */
import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

export class OrderNoSequence1796720000000 implements MigrationInterface {
  name = 'OrderNoSequence1796720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'id_sequence',
        columns: [
          { name: 'name', type: 'varchar', length: '40', isPrimary: true },
          { name: 'next_value', type: 'bigint' },
        ],
      }),
    );
    await q.query("INSERT INTO id_sequence (name, next_value) SELECT 'order-no', COALESCE(MAX(id), 0) + 1 FROM shop_order");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('id_sequence');
  }
}
