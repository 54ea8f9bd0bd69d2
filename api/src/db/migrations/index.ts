import { MODULES } from '../../modules';
import type { ModuleDefinition } from '../../platform/module';

/** The timestamp TypeORM orders by: the trailing digits of the class name (Guides1795800000000). */
function timestampOf(migration: { name: string }): number {
  const digits = /(\d{13})$/.exec(migration.name);
  if (!digits) throw new Error(`migration ${migration.name} has no 13-digit timestamp at the end of its name`);
  return Number(digits[1]);
}

/** Every migration of the modules, by timestamp. Never edit one that has shipped. */
export function migrationsOf(modules: readonly ModuleDefinition<unknown>[] = MODULES) {
  return modules.flatMap((m) => [...m.migrations]).sort((a, b) => timestampOf(a) - timestampOf(b));
}

export const MIGRATIONS = migrationsOf();
