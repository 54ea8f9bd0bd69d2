/** The HQ audit log (操作日志): append-only; written by the audit module only, never updated or deleted. */
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../columns';

const idx = (name: string, columnNames: string[]) => new TableIndex({ name, columnNames });

export class AuditLog1796000000001 implements MigrationInterface {
  name = 'AuditLog1796000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          col.id(),
          col.datetime('at'),
          col.ref('admin_id'),
          col.varchar('username', 32),
          col.varchar('role', 16),
          col.varchar('action', 120),
          col.varchar('object_type', 40),
          col.varchar('object_id', 64, { isNullable: true }),
          col.text('before_json', true),
          col.text('after_json', true),
          col.varchar('request_id', 64),
        ],
        // Every search filter leads one of these, with time (and id) for the order and the range.
        indices: [
          idx('idx_audit_at', ['at']),
          idx('idx_audit_admin_at', ['admin_id', 'at']),
          idx('idx_audit_object', ['object_type', 'object_id', 'at']),
          idx('idx_audit_action_at', ['action', 'at']),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_log');
  }
}
