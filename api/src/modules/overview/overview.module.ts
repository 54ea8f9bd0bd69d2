/** 概览 (the console's landing page): figures, trend, top products and guide leaderboard; store-scoped for a store manager. */
import { HQ_STORE_READERS } from '@common/hq/roles';
import { OverviewAggregates1796510000000 } from '../../db/migrations/1796510000000-overview-aggregates';
import { storeScopeOf } from '../../http/context';
import { defineModule } from '../../platform/module';
import { guidesModule } from '../guides';
import { metricsModule } from '../metrics';
import { ordersModule } from '../orders';
import { OVERVIEW_ENTITIES } from './overview.entities';
import { ProductTally } from './overview.products';
import { OverviewService } from './overview.service';

/** Cheap when every day adds up (two grouped reads), so a fresh deployment's backfill starts soon. */
const CATCH_UP_MS = 10 * 60_000;

export const overviewModule = defineModule({
  name: 'overview',
  entities: OVERVIEW_ENTITIES,
  migrations: [OverviewAggregates1796510000000],
  errors: {},
  build(ctx) {
    const products = new ProductTally(ctx.ds, ctx.tx, ctx.use(ordersModule).orderFacts, ctx.now);
    ctx.outbox.subscribe('OrderPaid', 'overview.order-paid', (e) => products.countOrderId(e.orderId).then(() => undefined));
    ctx.scheduler.register({ name: 'overview-catch-up', run: () => products.catchUp(), intervalMs: CATCH_UP_MS });
    const overview = new OverviewService(ctx.use(metricsModule).metrics.reads, products, ctx.use(guidesModule).guideDirectory, ctx.now);
    ctx.routes((api) =>
      api.route(
        { method: 'get', path: '/api/hq/overview', tag: 'hq', summary: '总部：概览（今日/7 日/30 日 GMV、订单、客单价、新会员、导购占比、首购后加导购率，趋势与排行）', access: { hq: HQ_STORE_READERS } },
        (c) => overview.overview(storeScopeOf(c)),
      ),
    );
    return { overview, overviewProducts: products };
  },
});
