/**
 * The composition root: every feature module, in build order, one line each. A module may use
 * the public API of the modules above it (ctx.use); adding a feature is its own folder plus one
 * line here. Entities, migrations and error statuses are collected from this list.
 */
import { addressModule } from './address';
import { auditModule } from './audit';
import { authModule } from './auth';
import { cartModule } from './cart';
import { catalogueModule } from './catalogue';
import { couponsModule } from './coupons';
import { groupBuyModule } from './groupbuy';
import { guidesModule } from './guides';
import { healthModule } from './health';
import { hqAccountsModule } from './hq-accounts';
import { insightSegmentsModule } from './insight-segments';
import { jobsModule } from './jobs';
import { memberCardModule } from './member-card';
import { membershipModule } from './membership';
import { metricsModule } from './metrics';
import { ordersModule } from './orders';
import { outboxModule } from './outbox';
import { overviewModule } from './overview';
import { paymentsModule } from './payments';
import { pickupModule } from './pickup';
import { pointsModule } from './points';
import { pointsMallModule } from './pointsmall';
import { posModule } from './pos';
import { shareModule } from './share';
import { sidebarModule } from './sidebar';
import { subscriptionsModule } from './subscriptions';

export const MODULES = [
  jobsModule,
  outboxModule,
  healthModule,
  authModule,
  shareModule,
  addressModule,
  ordersModule,
  catalogueModule,
  cartModule,
  paymentsModule,
  membershipModule,
  memberCardModule,
  pointsModule,
  couponsModule,
  pointsMallModule,
  groupBuyModule,
  guidesModule,
  pickupModule,
  insightSegmentsModule,
  subscriptionsModule,
  sidebarModule,
  posModule,
  hqAccountsModule,
  metricsModule,
  overviewModule,
  auditModule,
] as const;
