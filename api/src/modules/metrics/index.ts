/** Public entry of the insight metrics module (数据). */
export { metricsModule } from './metrics.module';
export type { MetricsService } from './metrics.service';
export type { MetricsJobs } from './metrics.jobs';
export type { MetricsReads } from './metrics.reads';
