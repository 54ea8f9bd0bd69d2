/** HQ's member search (会员 in the console): a nickname prefix walks idx_member_nickname instead of scanning 200,000 members. */
import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

export class MemberNicknameIndex1796050000000 implements MigrationInterface {
  name = 'MemberNicknameIndex1796050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('member', new TableIndex({ name: 'idx_member_nickname', columnNames: ['nickname'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('member', 'idx_member_nickname');
  }
}
