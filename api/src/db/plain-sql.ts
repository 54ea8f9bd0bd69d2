/**
 * Writes without the query builder, for the hottest path (placing an order). TypeORM
 * builds every insert anew: it walks the entity's metadata, renames properties and escapes
 * parameters by regular expression on each call, which bench:orders showed as a fifth of the
 * API's time per order. Here the statement text is made once per entity and row count, and each
 * value is converted by the driver's own preparePersistentValue (simple-json, dates, booleans),
 * so what lands in the row is what TypeORM would have written, on MySQL and SQLite alike.
 */
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { insertedId } from './inserted-id';

interface Shape {
  columns: ColumnMetadata[];
  /** `INSERT INTO t (a, b) VALUES ` */
  head: string;
  /** `(?, ?)` */
  tuple: string;
}

const shapes = new WeakMap<object, Shape>();

function shapeOf(m: EntityManager, entity: EntityTarget<ObjectLiteral>): Shape {
  const meta = m.connection.getMetadata(entity);
  let shape = shapes.get(meta);
  if (!shape) {
    const driver = m.connection.driver;
    // Generated keys are the database's to fill; every other column is written, as TypeORM does.
    const columns = meta.columns.filter((c) => !(c.isGenerated && c.generationStrategy === 'increment'));
    const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
    shape = { columns, head: `INSERT INTO ${driver.escape(meta.tableName)} (${names}) VALUES `, tuple: `(${columns.map(() => '?').join(', ')})` };
    shapes.set(meta, shape);
  }
  return shape;
}

/**
 * Inserts `rows` in one statement and answers the generated id of a single-row insert (with
 * several rows MySQL names the first and SQLite the last, so callers ignore it). No defaults are
 * filled in: every non-nullable column must be given, or it throws before anything is sent.
 */
export async function plainInsert<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, rows: readonly Partial<T>[]): Promise<number> {
  if (!rows.length) throw new Error('plainInsert of no rows');
  const { columns, head, tuple } = shapeOf(m, entity);
  const driver = m.connection.driver;
  const params: unknown[] = [];
  for (const row of rows) {
    for (const c of columns) {
      const value = (row as Record<string, unknown>)[c.propertyName];
      // As TypeORM: an undefined nullable column is NULL; any other must be given.
      if (value === undefined && !c.isNullable) throw new Error(`plainInsert: ${c.propertyName} of ${c.entityMetadata.tableName} not given`);
      params.push(value === undefined ? null : driver.preparePersistentValue(value, c));
    }
  }
  const sql = head + Array.from(rows, () => tuple).join(', ');
  return insertedId(await m.query(sql, params));
}

/** A value as `entity.property` is stored (a date as SQLite's text, JSON as text …), for a hand-written statement's parameter. */
export function persisted<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, property: keyof T & string, value: unknown): unknown {
  const column = m.connection.getMetadata(entity).findColumnWithPropertyName(property);
  if (!column) throw new Error(`no column ${property}`);
  return m.connection.driver.preparePersistentValue(value, column);
}

/**
 * Runs an UPDATE or DELETE and answers the rows it changed. Through TypeORM's structured result:
 * `m.query` alone answers mysql2's header on MySQL but SQLite's last row id, not the count.
 */
export async function plainWrite(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const runner = m.queryRunner ?? m.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    if (typeof result.affected !== 'number') throw new Error(`no affected-row count for: ${sql}`);
    return result.affected;
  } finally {
    if (!m.queryRunner) await runner.release();
  }
}

const selects = new WeakMap<object, Map<string, string>>();

/** `alias`.`col` AS `alias_col`, … for every column of `entity`: made once per entity and alias. */
export function selectList(m: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const meta = m.connection.getMetadata(entity);
  let byAlias = selects.get(meta);
  if (!byAlias) selects.set(meta, (byAlias = new Map()));
  let list = byAlias.get(alias);
  if (!list) {
    const q = (name: string) => m.connection.driver.escape(name);
    list = meta.columns.map((c) => `${q(alias)}.${q(c.databaseName)} AS ${q(`${alias}_${c.databaseName}`)}`).join(', ');
    byAlias.set(alias, list);
  }
  return list;
}

/** The entity `selectList(m, entity, alias)` selected, with each value as TypeORM would hydrate it; null when the row has none (a LEFT JOIN's miss). */
export function hydrate<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, row: Record<string, unknown>, alias: string): T | null {
  const meta = m.connection.getMetadata(entity);
  const primary = row[`${alias}_${meta.primaryColumns[0].databaseName}`];
  if (primary === null || primary === undefined) return null;
  const out = meta.create() as Record<string, unknown>;
  for (const c of meta.columns) out[c.propertyName] = m.connection.driver.prepareHydratedValue(row[`${alias}_${c.databaseName}`], c);
  return out as T;
}
