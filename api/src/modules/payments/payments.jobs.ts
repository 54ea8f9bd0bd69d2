/**
 * The payment jobs, registered with the scheduler by registerPaymentJobs: payment-reconcile
 * (ask WeChat Pay about unpaid orders whose notification may be lost) and refund-poll (ask it
 * about open refunds). Each is one bounded pass; the writes are PaymentsService's compare-and-set
 * paths, so two passes at once change each order or refund once.
 */
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger';
import { errText, JOB_BATCH, type Scheduler } from '../jobs/scheduler';
import type { PaymentsService } from './payments.service';

export interface PaymentJobDeps {
  ds: DataSource;
  payments: PaymentsService;
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
 * for the timeout to see 已支付). Read-only on shop_order/payment; the write is PaymentsService's.
 */
async function runPaymentReconcile(d: PaymentJobDeps): Promise<{ checked: number; paid: number[] }> {
  const cutoff = new Date(d.now().getTime() - d.payQueryAfterMinutes * 60_000);
  const rows: { id: number }[] = await d.ds
    .createQueryBuilder()
    .select('o.id', 'id')
    .from('shop_order', 'o')
    .innerJoin('payment', 'p', 'p.order_id = o.id')
    .where("o.status = 'pending_payment' AND o.created_at <= :cutoff", { cutoff })
    .andWhere("p.mode = 'wechat' AND p.prepay_id IS NOT NULL AND p.transaction_id IS NULL")
    .orderBy('o.id', 'ASC')
    .limit(JOB_BATCH)
    .getRawMany();
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
