/**
 * Column shapes both databases accept, shared by entities and migrations so the two never drift.
 * Times are UTC DATETIME(3); money is integer fen; JSON lives in TEXT (portable, and the
 * catalogue never queries inside it).
 */
import { Column, type ColumnOptions } from 'typeorm';
import type { TableColumnOptions } from 'typeorm/schema-builder/options/TableColumnOptions';

export const DateTimeColumn = (opts: ColumnOptions = {}) => Column({ type: 'datetime', precision: 3, ...opts });
export const FenColumn = (opts: ColumnOptions = {}) => Column({ type: 'int', ...opts });
export const JsonColumn = (opts: ColumnOptions = {}) => Column({ type: 'simple-json', ...opts });

/** Column helpers for migrations (TypeORM's Table API, which renders per driver). */
export const col = {
  id: (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
  int: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'int', ...extra }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
  varchar: (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    ...extra,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  datetime: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable }),
  bool: (name: string, dflt: boolean): TableColumnOptions => ({ name, type: 'boolean', default: dflt ? 1 : 0 }),
};
