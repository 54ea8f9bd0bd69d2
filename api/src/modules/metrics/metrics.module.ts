/**
 * Insight metrics (数据): daily aggregates fed by outbox handlers and lease jobs, the metrics API
 * (series, leaderboards, alerts against HQ's targets, the ROI plan against actual) and its CSVs.
 * Charts read the aggregates only; other modules are read through their public entries.
 */
import { InsightMetrics1796310000000 } from '../../db/migrations/1796310000000-insight-metrics';
import { MetricsMore1796500000000 } from '../../db/migrations/1796500000000-metrics-more';
import { defineModule } from '../../platform/module';
import { authModule } from '../auth';
import { guidesModule } from '../guides';
import { ordersModule } from '../orders';
import { CouponBatchReads } from '../coupons';
import { PointsFlowReads, SigninReads } from '../points';
import { METRICS_ENTITIES } from './metrics.entities';
import { MetricsFeed } from './metrics.feed';
import { MetricsJobs } from './metrics.jobs';
import { MetricsReads } from './metrics.reads';
import { registerMetricsRoutes } from './metrics.routes';
import { MetricsService } from './metrics.service';
import { MetricsSettings } from './metrics.settings';

const HOURLY = 3600_000;
const REFRESH_MS = 10 * 60_000;

export const metricsModule = defineModule({
  name: 'metrics',
  entities: METRICS_ENTITIES,
  migrations: [InsightMetrics1796310000000, MetricsMore1796500000000],
  errors: { METRICS_SCOPE_NOT_FOUND: 404, METRICS_RANGE_INVALID: 400 },
  build(ctx) {
    const orderFacts = ctx.use(ordersModule).orderFacts;
    const directory = ctx.use(guidesModule).guideDirectory;
    const auth = ctx.use(authModule).auth;
    const signins = new SigninReads(ctx.ds);
    const coupons = new CouponBatchReads(ctx.ds);
    const points = new PointsFlowReads(ctx.ds);
    const feed = new MetricsFeed({
      tx: ctx.tx,
      now: ctx.now,
      orders: orderFacts,
      storeOfGuide: (id) => directory.storeOfGuide(id),
      memberCreatedAt: async (id) => (await auth.memberById(id))?.createdAt ?? null,
      wecomContactSince: (id, since) => directory.wecomContactSince(id, since),
    });
    feed.subscribe(ctx.outbox);
    const jobs = new MetricsJobs({
      ds: ctx.ds,
      tx: ctx.tx,
      now: ctx.now,
      feed,
      orders: orderFacts,
      signedInOn: (ids, day) => signins.signedInOn(ids, day),
      newCustomersByGuide: (r) => directory.newCustomersByGuide(r),
      membersCreatedBetween: (from, to) => auth.membersCreatedBetween(from, to),
      couponsIssuedBetween: (from, to) => coupons.issuedBetween(from, to),
      pointsBetween: (from, to) => points.between(from, to),
    });
    ctx.scheduler.register({ name: 'metrics-refresh', run: () => jobs.refresh(), intervalMs: REFRESH_MS });
    ctx.scheduler.register({ name: 'metrics-nightly', run: () => jobs.nightly(), intervalMs: HOURLY });
    const reads = new MetricsReads(ctx.ds);
    const metrics = new MetricsService(reads, new MetricsSettings(ctx.ds, ctx.tx, reads, ctx.now), directory, ctx.now);
    ctx.routes((api) => registerMetricsRoutes(api, metrics, ctx.now));
    return { metrics, metricsJobs: jobs, metricsFeed: feed };
  },
});
