/**
 * Builds the group-buy module and plugs it into the extension points: the seat contributors
 * (checkout), the stock contributor told that seats hold their units elsewhere, the seat's
 * payment hook, the group-buy job, the result notices. Called once from createServices.
 */
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { Transactor } from '../../db/transaction';
import type { Logger } from '../../logger';
import type { WeChatClient } from '../../wechat/client';
import type { CatalogueService } from '../catalogue/catalogue.service';
import { adjustStock, loadSkusWithProducts } from '../catalogue/stock';
import type { StockContributor } from '../catalogue/stock.contributor';
import type { Scheduler } from '../jobs/scheduler';
import type { CheckoutService } from '../orders/checkout.service';
import type { CheckoutContributors } from '../orders/checkout/contributor';
import type { OrderHooks } from '../orders/order-hooks';
import type { OrderTransitions } from '../orders/order-transitions';
import type { Outbox } from '../outbox/outbox';
import type { RefundsService } from '../payments/refunds.service';
import { CampaignStock } from './campaign.stock';
import { CampaignView } from './campaign.view';
import { CampaignAdmin } from './campaigns.admin';
import { GroupSettler } from './group-settle';
import { GroupBuyJobs } from './groupbuy.jobs';
import { GroupBuyReads } from './groupbuy.reads';
import { JoinGate } from './join';
import { subscribeGroupNotices } from './notices';
import { GroupPosters } from './poster';
import { groupSeatContributors } from './seats.contributor';

export interface GroupBuyDeps {
  config: Config;
  log: Logger;
  ds: DataSource;
  now: () => Date;
  tx: Transactor;
  wechat: WeChatClient;
  outbox: Outbox;
  scheduler: Scheduler;
  catalogue: CatalogueService;
  hooks: OrderHooks;
  transitions: OrderTransitions;
  contributors: CheckoutContributors;
  stock: StockContributor;
  refunds: RefundsService;
  checkout: CheckoutService;
}

export function createGroupBuy(d: GroupBuyDeps) {
  const stock = new CampaignStock(
    d.ds,
    // The catalogue owns sku.stock: a campaign takes and returns its units through its function.
    async (m, skuId, delta, reason) => void (await adjustStock(m, { skuId, delta, reason, adminId: null }, d.now())),
    async (skuId) => {
      const sku = (await loadSkusWithProducts(d.ds.manager, [skuId])).skus.get(skuId);
      return sku ? { productId: sku.productId, priceFen: sku.priceFen } : null;
    },
    d.now,
  );
  const view = new CampaignView(d.catalogue, d.now);
  for (const c of groupSeatContributors(stock)) d.contributors.register(c);
  // A seat's unit was carved out of the SKU when its campaign was scheduled.
  d.stock.holdElsewhere('group_seat');
  const settler = new GroupSettler(d.tx, d.transitions, d.refunds, d.outbox, stock, d.log);
  settler.register(d.hooks);
  const jobs = new GroupBuyJobs(d.ds, d.tx, stock, settler, d.now);
  d.scheduler.register({ name: 'groupbuy', run: () => jobs.runOnce() });
  subscribeGroupNotices({ ds: d.ds, outbox: d.outbox, refunds: d.refunds, wechat: d.wechat, log: d.log, templates: { success: d.config.GROUPBUY_TMPL_SUCCESS, failure: d.config.GROUPBUY_TMPL_FAIL }, now: d.now });
  return {
    stock,
    jobs,
    admin: new CampaignAdmin(d.ds, d.tx, view, stock, d.now),
    reads: new GroupBuyReads(d.ds, view, [d.config.GROUPBUY_TMPL_SUCCESS, d.config.GROUPBUY_TMPL_FAIL].filter(Boolean), d.now),
    gate: new JoinGate(stock, d.checkout, d.now),
    posters: new GroupPosters(d.wechat, d.log),
  };
}

export type GroupBuy = ReturnType<typeof createGroupBuy>;
