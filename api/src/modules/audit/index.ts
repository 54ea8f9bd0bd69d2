/** Public entry of the audit module: the auditor the API router wraps HQ writes with, and the log's reads. */
export { auditModule } from './audit.module';
export type { AuditReads, AuditSearch } from './audit.service';
