/**
 * The audit log (操作日志): owns audit_log, provides the auditor the API router wraps every HQ
 * write with, and the owner's search route. It reads no other module's data: each route declares
 * how to read its object's "before" (RouteDef.audit.before).
 */
import { AuditLog1796000000001 } from '../../db/migrations/1796000000001-audit-log';
import { defineModule } from '../../platform/module';
import { AuditLog } from './audit.entities';
import { makeAuditor } from './audit.recorder';
import { registerAuditRoutes } from './audit.routes';
import { AuditReads } from './audit.service';

export const auditModule = defineModule({
  name: 'audit',
  entities: [AuditLog],
  migrations: [AuditLog1796000000001],
  errors: {},
  build(ctx) {
    const auditReads = new AuditReads(ctx.ds);
    ctx.routes((api) => registerAuditRoutes(api, auditReads));
    return { auditor: makeAuditor(ctx.ds, ctx.log, ctx.now), auditReads };
  },
});
