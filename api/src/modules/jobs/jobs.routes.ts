/** HQ: the scheduled jobs with their last runs (系统 → 任务), from the lease rows every instance writes. */
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import type { Page } from '@common/paging';
import { listQuery } from '../../http/list-query';
import { HQ_WIDE } from '@common/hq/roles';
import type { JobStatusDto } from '@common/jobs/types';
import type { ApiRouter } from '../../http/api-router';
import { JobLease } from './jobs.entities';
import type { Scheduler } from './scheduler';

export async function jobStatuses(ds: DataSource, scheduler: Pick<Scheduler, 'schedule'>, now: Date): Promise<JobStatusDto[]> {
  const jobs = scheduler.schedule;
  const rows = jobs.length ? await ds.manager.findBy(JobLease, { name: In(jobs.map((j) => `job:${j.name}`)) }) : [];
  const byName = new Map(rows.map((r) => [r.name, r]));
  return jobs.map((j) => {
    const r = byName.get(`job:${j.name}`);
    const until = r ? new Date(r.leaseUntil) : null;
    return {
      name: j.name,
      intervalMs: j.intervalMs,
      lastStartedAt: r?.lastStartedAt ? new Date(r.lastStartedAt).toISOString() : null,
      lastMs: r?.lastMs ?? null,
      lastHolder: r?.lastHolder ?? null,
      lastError: r?.lastError ?? null,
      lastResult: r?.lastResult ?? null,
      leasedUntil: until && until > now ? until.toISOString() : null,
    };
  });
}

const JobListQuery = z.strictObject({
  /** true: only jobs whose last run failed; false: only those whose last run did not. */
  failing: listQuery.flag().optional(),
  keyword: listQuery.keyword().optional(),
  ...listQuery.paging(),
});

/**
 * One page of the jobs, in the scheduler's order, filtered. The jobs are the scheduler's list in code (a few
 * dozen at most) with one lease row each, read by primary key: paged here, not by an index.
 */
export async function jobPage(ds: DataSource, scheduler: Pick<Scheduler, 'schedule'>, now: Date, f: z.output<typeof JobListQuery>): Promise<Page<JobStatusDto>> {
  const kw = f.keyword?.toLowerCase();
  const all = (await jobStatuses(ds, scheduler, now))
    .filter((j) => (f.failing === undefined || (j.lastError !== null) === f.failing) && (!kw || j.name.toLowerCase().includes(kw)));
  const start = (f.page - 1) * f.pageSize;
  return { items: all.slice(start, start + f.pageSize), page: f.page, pageSize: f.pageSize, total: all.length, hasMore: start + f.pageSize < all.length };
}

export function registerJobRoutes(api: ApiRouter, ds: DataSource, scheduler: Pick<Scheduler, 'schedule'>, now: () => Date): void {
  api.route(
    { method: 'get', path: '/api/hq/jobs', tag: 'hq', summary: '总部：定时任务与最近一次运行（耗时、实例、错误；分页，失败、名称筛选）', access: { hq: HQ_WIDE }, query: JobListQuery },
    (_ctx, { query }) => jobPage(ds, scheduler, now(), query),
  );
}
