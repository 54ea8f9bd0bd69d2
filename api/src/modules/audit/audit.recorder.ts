/**
 * The one place HQ writes are audited: the API router hands every HQ write (access HQ, method not
 * GET) to `auditor`, which reads the "before" (when the route declares how), runs the write, and
 * appends who / what / which object / before / after / request id. Only successful writes are
 * recorded (a refused one changed nothing). The row is inserted after the write's own
 * transaction: a failure to record is logged at error level and the answer stands, since the
 * write has committed and a 500 would invite a retry of a done write.
 */
import type { DataSource } from 'typeorm';
import { redact } from '@common/hq/redact';
import type { AnyRouteDef, Auditor, Input } from '../../http/api-router';
import { Reply } from '../../http/api-router';
import type { AppContext } from '../../http/context';
import type { Logger } from '../../logger';
import { AuditLog } from './audit.entities';

/** TEXT holds 64 KiB on MySQL; a larger value keeps its start and says it was cut. */
const MAX_JSON = 60_000;

export function toJson(value: unknown): string | null {
  if (value === undefined) return null;
  const json = JSON.stringify(redact(value));
  if (json === undefined) return null;
  return json.length <= MAX_JSON ? json : JSON.stringify({ truncated: true, start: json.slice(0, MAX_JSON - 100) });
}

/** `products` from `/api/hq/products/:id/skus`, `groupbuy/campaigns` from `/api/hq/groupbuy/campaigns/:id/end`. */
export function objectTypeOf(path: string): string {
  const rest = path.replace(/^\/api\/hq\//, '').split('/');
  const firstParam = rest.findIndex((s) => s.startsWith(':'));
  return (firstParam === -1 ? rest : rest.slice(0, firstParam)).join('/').slice(0, 40);
}

/** The id the route names, else the id of what it answered with (a create). */
function objectIdOf(input: Input<unknown, unknown, unknown>, data: unknown): string | null {
  const params = input.params as Record<string, unknown> | undefined;
  const fromParams = params?.id ?? (params ? Object.values(params)[0] : undefined);
  if (fromParams !== undefined && fromParams !== null) return String(fromParams).slice(0, 64);
  const id = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
}

export function makeAuditor(ds: DataSource, log: Logger, now: () => Date): Auditor {
  return async (ctx: AppContext, def: AnyRouteDef, input, run) => {
    const p = ctx.state.principal;
    if (p?.kind !== 'hq') return run();
    const before = def.audit?.before ? await def.audit.before(input as never) : undefined;
    const result = await run();
    const data = result instanceof Reply ? result.data : result;
    // A write that answers nothing (null) is described by what was asked of it.
    const after = data === null || data === undefined ? input.body : data;
    const row: Omit<AuditLog, 'id'> = {
      at: now(),
      adminId: p.adminId,
      username: p.username,
      role: p.role,
      action: `${def.method.toUpperCase()} ${def.path}`.slice(0, 120),
      objectType: def.audit?.objectType ?? objectTypeOf(def.path),
      objectId: objectIdOf(input, data),
      beforeJson: toJson(before ?? null),
      afterJson: toJson(after ?? null),
      requestId: ctx.state.requestId.slice(0, 64),
    };
    try {
      await ds.getRepository(AuditLog).insert(row);
    } catch (err) {
      log.error({ err, action: row.action, objectId: row.objectId }, 'audit log insert failed');
    }
    return result;
  };
}
