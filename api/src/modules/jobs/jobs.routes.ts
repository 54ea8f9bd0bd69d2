/** HQ: the scheduled jobs with their last runs (系统 → 任务), from the lease rows every instance writes. */
import { In, type DataSource } from 'typeorm';
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

export function registerJobRoutes(api: ApiRouter, ds: DataSource, scheduler: Pick<Scheduler, 'schedule'>, now: () => Date): void {
  api.route({ method: 'get', path: '/api/hq/jobs', tag: 'hq', summary: '总部：定时任务与最近一次运行（耗时、实例、错误）', access: { hq: HQ_WIDE } }, () => jobStatuses(ds, scheduler, now()));
}
