import { Foundation1795338000000 } from './1795338000000-foundation';
import { Orders1795400000000 } from './1795400000000-orders';
import { OrderKinds1795450000000 } from './1795450000000-order-kinds';
import { RefundLog1795460000000 } from './1795460000000-refund-log';
import { Points1795600000000 } from './1795600000000-points';
import { Coupons1795700000000 } from './1795700000000-coupons';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [Foundation1795338000000, Orders1795400000000, OrderKinds1795450000000, RefundLog1795460000000, Points1795600000000, Coupons1795700000000];
