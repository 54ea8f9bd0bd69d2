import { z } from 'zod';
import { HQ_OWNER } from '@common/hq/roles';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '@common/paging';
import type { ApiRouter } from '../../http/api-router';
import { zs } from '../../http/validate';
import type { AuditReads } from './audit.service';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');

export const AuditQuerySchema = z
  .object({
    adminId: zs.id().optional(),
    username: zs.text(32).optional(),
    objectType: zs.text(40).optional(),
    objectId: zs.text(64).optional(),
    action: zs.text(120).optional(),
    from: day.optional(),
    to: day.optional(),
    ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export function registerAuditRoutes(api: ApiRouter, reads: AuditReads): void {
  api.route(
    { method: 'get', path: '/api/hq/audit', tag: 'hq', summary: '总部：操作日志（按操作人、对象、动作、日期检索，分页）', access: { hq: HQ_OWNER }, query: AuditQuerySchema },
    (_ctx, { query }) => reads.search(query),
  );
}
