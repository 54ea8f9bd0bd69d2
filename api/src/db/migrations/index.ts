import { Foundation1795338000000 } from './1795338000000-foundation';
import { Orders1795400000000 } from './1795400000000-orders';
import { Points1795600000000 } from './1795600000000-points';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [Foundation1795338000000, Orders1795400000000, Points1795600000000];
