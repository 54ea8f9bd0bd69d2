import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

const isMysql = (m: EntityManager) => m.connection.options.type === 'mysql' || m.connection.options.type === 'mariadb';

/**
 * A locking read on MySQL (SELECT … FOR UPDATE): under REPEATABLE READ a plain SELECT answers
 * from the transaction's snapshot, which may predate a concurrent commit; a locking read sees the
 * newest committed row and holds it until our commit. SQLite needs none: the Transactor runs one
 * transaction at a time there.
 */
export function locked<T extends ObjectLiteral>(m: EntityManager, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return isMysql(m) ? qb.setLock('pessimistic_write') : qb;
}
