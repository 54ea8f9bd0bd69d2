/** Public entry of the jobs module: the scheduler other modules register their jobs with. */
export { jobsModule } from './jobs.module';
export { errText, JOB_BATCH, Scheduler, type JobDefinition, type JobRun } from './scheduler';
