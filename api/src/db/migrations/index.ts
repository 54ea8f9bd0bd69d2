import { Foundation1795338000000 } from './1795338000000-foundation';
import { Orders1795400000000 } from './1795400000000-orders';
import { Coupons1795700000000 } from './1795700000000-coupons';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [Foundation1795338000000, Orders1795400000000, Coupons1795700000000];
