/** Public entry of the group-buy module. */
export { groupBuyModule, type GroupBuy } from './groupbuy.module';
export { campaignStatusOf } from './groupbuy.reads';
