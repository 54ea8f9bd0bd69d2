/** HQ's member search by phone: the address book is looked up by idx_address_phone. */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

export class AddressPhoneIndex1796050000001 implements MigrationInterface {
  name = 'AddressPhoneIndex1796050000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('address', new TableIndex({ name: 'idx_address_phone', columnNames: ['phone'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('address', 'idx_address_phone');
  }
}
