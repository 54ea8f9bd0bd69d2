/**
 * Payments and refunds (WeChat Pay or dev pay), the shipping-info upload after OrderShipped, and
 * their jobs. Plugs itself into orders through the orders payments port.
 */
import { RefundLog1795460000000 } from '../../db/migrations/1795460000000-refund-log';
import { HqRefundReview1796150000001 } from '../../db/migrations/1796150000001-hq-refund-review';
import { RefundCreatedIndex1796200000001 } from '../../db/migrations/1796200000001-refund-created-index';
import { defineModule } from '../../platform/module';
import { wechatPayClientFrom } from '../../wechatpay/from-config';
import { authModule } from '../auth';
import { ordersModule } from '../orders';
import { NOTIFY_PATH } from './notify';
import { Payment, Refund, RefundStateLog } from './payments.entities';
import { registerPaymentJobs } from './payments.jobs';
import { registerPaymentRoutes } from './payments.routes';
import { PaymentsHqReads } from './payments.hq-reads';
import { PaymentsService } from './payments.service';
import { refundsOfOrder } from './refunds.read';
import { RefundsService } from './refunds.service';
import { subscribeShippingUpload } from './shipping';

export const paymentsModule = defineModule({
  name: 'payments',
  entities: [Payment, Refund, RefundStateLog],
  // payment and refund came with the orders migration (1795400000000).
  migrations: [RefundLog1795460000000, HqRefundReview1796150000001, RefundCreatedIndex1796200000001],
  errors: { REFUND_NOT_FOUND: 404, REFUND_IN_PROGRESS: 409, REFUND_STATE_CONFLICT: 409, PAYMENT_UNAVAILABLE: 502 },
  build(ctx) {
    const { config, ds, tx, transitions, outbox, log, now } = ctx;
    const orders = ctx.use(ordersModule);
    const members = ctx.use(authModule).auth;
    const wxpay = config.PAYMENT_MODE === 'wechat' ? wechatPayClientFrom(config, ctx.fakeWechatPay) : null;
    const refunds = new RefundsService(ds, tx, transitions, orders.orderFacts, outbox, log, wxpay, now);
    const payments = new PaymentsService({ ds, tx, transitions, outbox, log, reads: orders.orderReads, orders: orders.orderFacts, members, refunds, mode: config.PAYMENT_MODE, wxpay, now });
    orders.connectPayments({
      payZeroCashIn: (m, order) => payments.payZeroCashIn(m, order),
      closeRemote: (orderId) => payments.closeRemote(orderId),
      reconcile: (orderId) => payments.reconcile(orderId),
      refundsOfOrder: (orderId) => refundsOfOrder(ds, orderId),
    });
    subscribeShippingUpload(outbox, ds, ctx.wechat, now, { orders: orders.orderFacts, members });
    registerPaymentJobs(ctx.scheduler, { ds, payments, orders: orders.orderFacts, log, now, payQueryAfterMinutes: config.ORDER_PAY_QUERY_AFTER_MINUTES });
    // Order numbers for HQ's refund list come through the orders module's read port.
    const hqReads = new PaymentsHqReads(ds, async (ids) => new Map((await orders.orderFacts.byIds(ids)).map((o) => [o.id, o.orderNo ?? ''])));
    ctx.routes((api) => registerPaymentRoutes(api, payments, refunds, hqReads, wxpay, now));
    // With no configured notify_url (the fake), WeChat Pay calls us back at our own URL.
    ctx.onListening((url) => {
      if (wxpay && !config.WECHATPAY_NOTIFY_URL) wxpay.setNotifyUrl(`${url}${NOTIFY_PATH}`);
    });
    return { wxpay, refunds, payments };
  },
});
