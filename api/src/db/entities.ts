import { MODULES } from '../modules';
import type { ModuleDefinition } from '../platform/module';

/** Every entity, collected from the modules that own them (api/src/modules/index.ts). */
export function entitiesOf(modules: readonly ModuleDefinition<unknown>[] = MODULES) {
  return modules.flatMap((m) => [...m.entities]);
}

export const ENTITIES = entitiesOf();
