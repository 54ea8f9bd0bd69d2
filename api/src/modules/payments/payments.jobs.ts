/**
 * The payment jobs, registered with the scheduler by registerPaymentJobs: payment-reconcile
 * (ask WeChat Pay about unpaid orders whose notification may be lost) and refund-poll (ask it
 * about open refunds). Each is one bounded pass; the writes are PaymentsService's compare-and-set
 * paths, so two passes at once change each order or refund once.
 */
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger';
import { errText, JOB_BATCH, type Scheduler } from '../jobs';
import type { OrderFacts } from '../orders';
import { Payment } from './payments.entities';
import type { PaymentsService } from './payments.service';

export interface PaymentJobDeps {
  ds: DataSource;
  payments: PaymentsService;
  orders: OrderFacts;
  log: Logger;
  now: () => Date;
  /** ORDER_PAY_QUERY_AFTER_MINUTES. */
  payQueryAfterMinutes: number;
}

export function registerPaymentJobs(scheduler: Scheduler, d: PaymentJobDeps): void {
  scheduler.register({ name: 'payment-reconcile', run: () => runPaymentReconcile(d) });
  scheduler.register({ name: 'refund-poll', run: async () => ({ settled: await d.payments.pollRefunds() }) });
}

/**
 * Unpaid orders with a WeChat prepay, created more than ORDER_PAY_QUERY_AFTER_MINUTES ago: ask
 * WeChat Pay whether they were paid (a notification can be lost, and the shopper should not wait
 * for the timeout to see 已支付). Reads its own payment rows, asks orders which are still unpaid;
 * the write is PaymentsService's.
 */
async function runPaymentReconcile(d: PaymentJobDeps): Promise<{ checked: number; paid: number[] }> {
  const cutoff = new Date(d.now().getTime() - d.payQueryAfterMinutes * 60_000);
  // Orders still pending payment from before the cutoff (orders owns them; a bounded list, as the
  // timeout job cancels them), then those of them with a WeChat prepay and no transaction yet.
  const pending = await d.orders.unpaidCreatedBefore(cutoff, JOB_BATCH * 10);
  const prepaid = pending.length
    ? await d.ds
        .createQueryBuilder(Payment, 'p')
        .select('p.order_id', 'orderId')
        .where("p.order_id IN (:...ids) AND p.mode = 'wechat' AND p.prepay_id IS NOT NULL AND p.transaction_id IS NULL", { ids: pending })
        .orderBy('p.order_id', 'ASC')
        .limit(JOB_BATCH)
        .getRawMany<{ orderId: number }>()
    : [];
  const rows = prepaid.map((p) => ({ id: Number(p.orderId) }));
  const paid: number[] = [];
  for (const { id } of rows) {
    try {
      if ((await d.payments.reconcile(Number(id))) === 'paid') paid.push(Number(id));
    } catch (err) {
      d.log.warn({ orderId: Number(id), err: errText(err) }, 'payment-reconcile: query failed');
    }
  }
  return { checked: rows.length, paid };
}
