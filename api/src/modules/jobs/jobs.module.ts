/** The scheduler's module: its lease table. The Scheduler itself is a core service every module registers jobs with. */
import { defineModule } from '../../platform/module';
import { JobLease } from './jobs.entities';

export const jobsModule = defineModule({
  name: 'jobs',
  entities: [JobLease],
  // The job_lease table came with the orders migration (1795400000000), before modules owned theirs.
  migrations: [],
  errors: {},
  build: () => ({}),
});
