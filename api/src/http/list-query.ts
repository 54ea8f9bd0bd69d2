/**
 * Query-string pieces shared by HQ list routes (issue 15: every HQ list is paged on the server and
 * filterable): page/pageSize, a keyword, a yes/no flag, a Beijing day window.
 */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { zs } from './validate';

export const listQuery = {
  /** page (1..10,000) and pageSize (capped at MAX_PAGE_SIZE). */
  paging: () => zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  /** Text to search for, 1..40 characters; matched literally (see db/like.ts). */
  keyword: () => zs.text(40).pipe(z.string().min(1, '不能为空')),
  /** `true` / `false` in a query string, nothing else. */
  flag: () => z.enum(['true', 'false'], { error: '须为 true 或 false' }).transform((v) => v === 'true'),
  /** A Beijing calendar day, YYYY-MM-DD, that exists (2026-02-30 is refused). */
  day: () =>
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '不是有效的日期'),
};

/** `to` must not come before `from` (both optional Beijing days). */
export const dayWindowOk = { check: (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to, message: '结束日期不能早于开始日期', path: ['to'] };

/** 00:00 Beijing time of `day` (YYYY-MM-DD) plus `addDays`, as the UTC instant. */
export const beijingDayStart = (day: string, addDays: number): Date => new Date(Date.parse(`${day}T00:00:00+08:00`) + addDays * 86_400_000);
