/** 概览 (the console's landing page): figures, trend, top products and guide leaderboard; store-scoped for a store manager. */
import { HQ_STORE_READERS } from '@common/hq/roles';
import { storeScopeOf } from '../../http/context';
import { defineModule } from '../../platform/module';
import { authModule } from '../auth';
import { guidesModule } from '../guides';
import { ordersModule } from '../orders';
import { OverviewService } from './overview.service';

export const overviewModule = defineModule({
  name: 'overview',
  entities: [],
  migrations: [],
  errors: {},
  build(ctx) {
    const overview = new OverviewService(ctx.use(ordersModule).orderFacts, ctx.use(guidesModule).guideDirectory, ctx.use(authModule).auth, ctx.now);
    ctx.routes((api) =>
      api.route(
        { method: 'get', path: '/api/hq/overview', tag: 'hq', summary: '总部：概览（今日/7 日/30 日 GMV、订单、客单价、新会员、导购占比、首购后加导购率，趋势与排行）', access: { hq: HQ_STORE_READERS } },
        (c) => overview.overview(storeScopeOf(c)),
      ),
    );
    return { overview };
  },
});
