/** 操作日志 search: by operator, object, action and Beijing date range, paged on the server, newest first. */
import type { DataSource } from 'typeorm';
import type { AuditEntryDto, AuditPage, AuditQuery } from '@common/hq/types';
import { AuditLog } from './audit.entities';

/** The console's query (common/hq/types.ts) with paging resolved. */
export type AuditSearch = AuditQuery & { page: number; pageSize: number };

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
const beijingDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

export function toAuditDto(r: AuditLog): AuditEntryDto {
  return {
    id: r.id,
    at: r.at.toISOString(),
    adminId: r.adminId,
    username: r.username,
    role: r.role,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    before: parse(r.beforeJson),
    after: parse(r.afterJson),
    requestId: r.requestId,
  };
}

export class AuditReads {
  constructor(private readonly ds: DataSource) {}

  async search(q: AuditSearch): Promise<AuditPage> {
    const qb = this.ds.getRepository(AuditLog).createQueryBuilder('a');
    if (q.adminId !== undefined) qb.andWhere('a.adminId = :adminId', { adminId: q.adminId });
    if (q.username) qb.andWhere('a.username = :username', { username: q.username });
    if (q.objectType) qb.andWhere('a.objectType = :objectType', { objectType: q.objectType });
    if (q.objectId) qb.andWhere('a.objectId = :objectId', { objectId: q.objectId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.from) qb.andWhere('a.at >= :from', { from: beijingDayStart(q.from) });
    if (q.to) qb.andWhere('a.at < :to', { to: new Date(beijingDayStart(q.to).getTime() + 24 * 3600_000) });
    const [rows, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map(toAuditDto), page: q.page, pageSize: q.pageSize, total, hasMore: q.page * q.pageSize < total };
  }
}
