/**
 * Group-buy (拼团秒杀) plugs itself into the extension points: the seat contributors (checkout),
 * the stock contributor told that seats hold their units elsewhere, the seat's payment hook, the
 * group-buy job, the result notices, and its routes.
 */
import { GroupBuy1795500000000 } from '../../db/migrations/1795500000000-groupbuy';
import { CampaignListIndexes1796205000000 } from '../../db/migrations/1796205000000-campaign-list-indexes';
import { defineModule, type ModuleContext } from '../../platform/module';
import { authModule, type AuthService } from '../auth';
import { adjustStock, catalogueModule, loadSkusWithProducts, type CatalogueService, type StockContributor } from '../catalogue';
import { ordersModule, type CheckoutService, type OrderFacts } from '../orders';
import { paymentsModule, type RefundsService } from '../payments';
import { FlashAdmission } from './admission';
import { CampaignStock } from './campaign.stock';
import { CampaignView } from './campaign.view';
import { CampaignAdmin } from './campaigns.admin';
import { GroupSettler } from './group-settle';
import { GbCampaign, GbGroup, GbSeat, GbShopper } from './groupbuy.entities';
import './groupbuy.events';
import { GroupBuyJobs } from './groupbuy.jobs';
import { GroupBuyReads } from './groupbuy.reads';
import { registerGroupBuyRoutes } from './groupbuy.routes';
import { JoinGate } from './join';
import { subscribeGroupNotices } from './notices';
import { GroupPosters } from './poster';
import { groupSeatContributors } from './seats.contributor';

export const groupBuyModule = defineModule({
  name: 'groupbuy',
  entities: [GbCampaign, GbGroup, GbSeat, GbShopper],
  migrations: [GroupBuy1795500000000, CampaignListIndexes1796205000000],
  errors: {
    GROUPBUY_CAMPAIGN_NOT_FOUND: 404,
    GROUPBUY_GROUP_NOT_FOUND: 404,
    GROUPBUY_NOT_STARTED: 409,
    GROUPBUY_ENDED: 409,
    GROUPBUY_SOLD_OUT: 409,
    GROUPBUY_GROUP_FULL: 409,
    GROUPBUY_GROUP_CLOSED: 409,
    GROUPBUY_ALREADY_IN_GROUP: 409,
    GROUPBUY_LIMIT_REACHED: 409,
    GROUPBUY_STOCK_BELOW_COMMITTED: 409,
    GROUPBUY_CAMPAIGN_STATE: 409,
    GROUPBUY_SKU_STOCK_SHORT: 409,
    GROUPBUY_POSTER_FAILED: 502,
  },
  build(ctx) {
    const catalogue = ctx.use(catalogueModule);
    const orders = ctx.use(ordersModule);
    const groupBuy = createGroupBuy({
      ...ctx,
      catalogue: catalogue.catalogue,
      stock: catalogue.stock,
      refunds: ctx.use(paymentsModule).refunds,
      checkout: orders.checkout,
      orders: orders.orderFacts,
      members: ctx.use(authModule).auth,
    });
    ctx.routes((api) => registerGroupBuyRoutes(api, groupBuy));
    return { groupBuy };
  },
});

interface GroupBuyDeps extends ModuleContext {
  catalogue: CatalogueService;
  stock: StockContributor;
  refunds: RefundsService;
  checkout: CheckoutService;
  orders: OrderFacts;
  members: Pick<AuthService, 'membersByIds'>;
}

function createGroupBuy(d: GroupBuyDeps) {
  const stock = new CampaignStock(
    d.ds,
    // The catalogue owns sku.stock: a campaign takes and returns its units through its function.
    async (m, skuId, delta, reason) => void (await adjustStock(m, { skuId, delta, reason, adminId: null }, d.now())),
    async (skuId) => {
      const sku = (await loadSkusWithProducts(d.ds.manager, [skuId])).skus.get(skuId);
      return sku ? { productId: sku.productId, priceFen: sku.priceFen } : null;
    },
    d.now,
    d.soldOut,
  );
  const view = new CampaignView(d.catalogue, d.now);
  for (const c of groupSeatContributors(stock, (m, fn) => d.tx.afterCommit(m, fn))) d.contributors.register(c);
  // A seat's unit was carved out of the SKU when its campaign was scheduled.
  d.stock.holdElsewhere('group_seat');
  const settler = new GroupSettler(d.tx, d.transitions, d.refunds, d.outbox, stock, d.log, d.orders);
  settler.register(d.hooks);
  const jobs = new GroupBuyJobs(d.ds, d.tx, stock, settler, d.now);
  d.scheduler.register({ name: 'groupbuy', run: () => jobs.runOnce() });
  // With REDIS_URL: the shared admission gate, its copy of the units kept in step by the stock's
  // hooks and rebuilt from the database by its own job (under the scheduler's lease).
  const admission = d.redis ? new FlashAdmission(d.redis, d.config.REDIS_PREFIX, d.ds, stock, d.log, d.now) : null;
  if (admission) {
    stock.mirror = admission;
    d.scheduler.register({ name: 'groupbuy-admission', run: () => admission.reconcile() });
  }
  subscribeGroupNotices({ ds: d.ds, outbox: d.outbox, refunds: d.refunds, members: d.members, orders: d.orders, wechat: d.wechat, log: d.log, templates: { success: d.config.GROUPBUY_TMPL_SUCCESS, failure: d.config.GROUPBUY_TMPL_FAIL }, now: d.now });
  return {
    stock,
    jobs,
    admin: new CampaignAdmin(d.ds, d.tx, view, stock, d.now),
    reads: new GroupBuyReads(d.ds, view, [d.config.GROUPBUY_TMPL_SUCCESS, d.config.GROUPBUY_TMPL_FAIL].filter(Boolean), d.now, { members: d.members, orders: d.orders }),
    admission,
    gate: new JoinGate(stock, d.checkout, d.now, admission),
    posters: new GroupPosters(d.wechat, d.log),
  };
}

export type GroupBuy = ReturnType<typeof createGroupBuy>;
