/** The scheduler's module: its lease table (which also keeps each job's last run) and HQ's read of it. The Scheduler itself is a core service every module registers jobs with. */
import { JobLastRun1796050000002 } from '../../db/migrations/1796050000002-job-last-run';
import { defineModule } from '../../platform/module';
import { JobLease } from './jobs.entities';
import { registerJobRoutes } from './jobs.routes';

export const jobsModule = defineModule({
  name: 'jobs',
  entities: [JobLease],
  // The job_lease table came with the orders migration (1795400000000), before modules owned theirs.
  migrations: [JobLastRun1796050000002],
  errors: {},
  build: (ctx) => {
    ctx.routes((api) => registerJobRoutes(api, ctx.ds, ctx.scheduler, ctx.now));
    return {};
  },
});
