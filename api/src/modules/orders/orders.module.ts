/**
 * Orders: checkout (with the contributors every feature registers), the order lifecycle and its
 * transition hooks, the order reads, and the read and write ports other modules use instead of
 * the order tables. Payments plugs itself in later through `connectPayments`.
 */
import { Orders1795400000000 } from '../../db/migrations/1795400000000-orders';
import { OrderKinds1795450000000 } from '../../db/migrations/1795450000000-order-kinds';
import { OrderReportIndexes1796010000002 } from '../../db/migrations/1796010000002-order-report-indexes';
import { HqOrderFilters1796150000000 } from '../../db/migrations/1796150000000-hq-order-filters';
import { HqListIndexes1796200000000 } from '../../db/migrations/1796200000000-hq-list-indexes';
import { OrderNoSequence1796720000000 } from '../../db/migrations/1796720000000-order-no-sequence';
import { SequenceBlocks } from '../../db/sequence';
import { defineModule } from '../../platform/module';
import { addressModule } from '../address';
import { registerReleaseHooks } from './checkout/release';
import { CheckoutService } from './checkout.service';
import { OrderLifecycle } from './order-lifecycle';
import './orders.events';
import { OrderLine, OrderStateLog, ShopOrder } from './orders.entities';
import { OrderFacts } from './orders.facts';
import { registerOrderJobs } from './orders.jobs';
import { OrderReads } from './orders.query';
import { registerMemberOrdersRoute } from './member-orders.routes';
import { registerOrderRoutes } from './orders.routes';
import { PaymentsSlot } from './payments-port';

export const ordersModule = defineModule({
  name: 'orders',
  entities: [ShopOrder, OrderLine, OrderStateLog],
  // The orders migration also created the tables of address, cart, jobs, outbox and payments.
  migrations: [Orders1795400000000, OrderKinds1795450000000, OrderReportIndexes1796010000002, HqOrderFilters1796150000000, HqListIndexes1796200000000, OrderNoSequence1796720000000],
  errors: { ORDER_NOT_FOUND: 404, ORDER_STATE_CONFLICT: 409, IDEMPOTENCY_KEY_REUSED: 409, ORDER_PAY_EXPIRED: 409 },
  build(ctx) {
    const { ds, tx, now, config, contributors, hooks, transitions } = ctx;
    const payments = new PaymentsSlot();
    const orderReads = new OrderReads(ds, (orderId) => payments.refundsOfOrder(orderId));
    registerReleaseHooks(hooks, contributors);
    const checkout = new CheckoutService({
      ds,
      tx,
      contributors,
      addresses: ctx.use(addressModule).addresses,
      reads: orderReads,
      payTimeoutMinutes: config.ORDER_PAY_TIMEOUT_MINUTES,
      now,
      payZeroCash: (m, order) => payments.payZeroCashIn(m, order),
      orderNumbers: new SequenceBlocks(tx, 'order-no'),
    });
    // A shopper's cancel first closes the WeChat Pay order (once payments is connected).
    const orderLifecycle = new OrderLifecycle(ds, tx, transitions, ctx.outbox, orderReads, now, (orderId) => payments.closeRemote(orderId));
    registerOrderJobs(ctx.scheduler, { lifecycle: orderLifecycle, payments, log: ctx.log, now, autoCompleteDays: config.ORDER_AUTO_COMPLETE_DAYS });
    ctx.routes((api) => registerOrderRoutes(api, checkout, contributors, orderReads, orderLifecycle, ctx.storeScope));
    ctx.routes((api) => registerMemberOrdersRoute(api, orderReads));
    return {
      orderReads,
      checkout,
      orderLifecycle,
      /** The read and write ports of the order tables, for other modules. */
      orderFacts: new OrderFacts(ds),
      /** Payments connects its port here when it is built. */
      connectPayments: (port: Parameters<PaymentsSlot['connect']>[0]) => payments.connect(port),
    };
  },
});
