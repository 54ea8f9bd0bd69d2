import { Foundation1795338000000 } from './1795338000000-foundation';
import { Orders1795400000000 } from './1795400000000-orders';
import { OrderKinds1795450000000 } from './1795450000000-order-kinds';
import { RefundLog1795460000000 } from './1795460000000-refund-log';
import { GroupBuy1795500000000 } from './1795500000000-groupbuy';
import { Points1795600000000 } from './1795600000000-points';
import { Coupons1795700000000 } from './1795700000000-coupons';
import { Guides1795800000000 } from './1795800000000-guides';
import { CatalogueSortIndexes1795900000000 } from './1795900000000-catalogue-sort-indexes';
import { HqOrderFilters1796150000000 } from './1796150000000-hq-order-filters';
import { HqRefundReview1796150000001 } from './1796150000001-hq-refund-review';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [Foundation1795338000000, Orders1795400000000, OrderKinds1795450000000, RefundLog1795460000000, GroupBuy1795500000000, Points1795600000000, Coupons1795700000000, Guides1795800000000, CatalogueSortIndexes1795900000000, HqOrderFilters1796150000000, HqRefundReview1796150000001];
