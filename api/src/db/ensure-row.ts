/**
 * Makes sure a counter row exists, in its own short transaction before the work that updates it:
 * that work then only ever UPDATEs the row by a conditional statement. (An insert-or-ignore
 * inside the work would take a shared lock on the existing row, and parallel transactions of one
 * key upgrading it to an exclusive lock deadlock each other on MariaDB.)
 */
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Transactor } from './transaction';

export async function ensureRow<E extends ObjectLiteral>(tx: Transactor, entity: EntityTarget<E>, values: Partial<E>): Promise<void> {
  await tx.run((m) => m.createQueryBuilder().insert().into(entity).values(values as never).orIgnore().execute());
}
