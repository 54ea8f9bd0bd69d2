/**
 * The order jobs: what runs on a timer, each as one bounded pass. Every write they cause goes
 * through the owning module's service (OrderLifecycle, PaymentsService), whose compare-and-set
 * transitions make a pass safe to run twice at once: the lease keeps that rare, the CAS makes it
 * harmless (an order is cancelled and its stock returned by exactly one of them).
 *
 * Calls to WeChat Pay happen here, outside any transaction, before the transition they decide.
 */
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger';
import type { OrderLifecycle } from '../orders/order-lifecycle';
import type { Outbox } from '../outbox/outbox';
import type { PaymentsService } from '../payments/payments.service';

/** How many orders one pass looks at; the next tick takes the rest. */
export const JOB_BATCH = 100;

export interface OrderJobDeps {
  ds: DataSource;
  lifecycle: OrderLifecycle;
  payments: PaymentsService;
  outbox: Outbox;
  log: Logger;
  now: () => Date;
  payQueryAfterMinutes: number;
  autoCompleteDays: number;
}

export interface OrderTimeoutResult {
  cancelled: number[];
  /** Paid at WeChat though we never heard: marked paid instead of cancelled. */
  paid: number[];
  /** Someone else got there first (paid or cancelled meanwhile). */
  skipped: number[];
  /** WeChat Pay could not be asked; left for the next pass rather than cancelled blind. */
  failed: number[];
}

/** Unpaid orders past their deadline: close the WeChat order, then cancel (stock back once). */
export async function runOrderTimeout(d: OrderJobDeps): Promise<OrderTimeoutResult> {
  const out: OrderTimeoutResult = { cancelled: [], paid: [], skipped: [], failed: [] };
  const expired = await d.lifecycle.findExpiredUnpaid(d.now(), JOB_BATCH);
  for (const { id } of expired) {
    try {
      // Close first: once WeChat has closed the order the shopper can no longer pay it, so the
      // cancel below cannot race a payment. If WeChat says it was paid, the notification was
      // lost: apply the payment instead of cancelling a paid order.
      const remote = await d.payments.closeRemote(id);
      if (remote === 'paid') {
        await d.payments.reconcile(id);
        out.paid.push(id);
        continue;
      }
      if (await d.lifecycle.cancel(id, 'job:order-timeout', '超时未支付')) out.cancelled.push(id);
      else out.skipped.push(id);
    } catch (err) {
      // Not knowing whether it was paid, we must not cancel it; the next pass tries again.
      d.log.warn({ orderId: id, err: errText(err) }, 'order-timeout: order left for the next pass');
      out.failed.push(id);
    }
  }
  return out;
}

/**
 * Unpaid orders with a WeChat prepay, created more than ORDER_PAY_QUERY_AFTER_MINUTES ago: ask
 * WeChat Pay whether they were paid (a notification can be lost, and the shopper should not wait
 * for the timeout to see 已支付). Read-only on shop_order/payment; the write is PaymentsService's.
 */
export async function runPaymentReconcile(d: OrderJobDeps): Promise<{ checked: number; paid: number[] }> {
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

/** Shipped orders older than ORDER_AUTO_COMPLETE_DAYS become completed (OrderCompleted). */
export async function runAutoComplete(d: OrderJobDeps): Promise<{ completed: number[]; skipped: number[] }> {
  const cutoff = new Date(d.now().getTime() - d.autoCompleteDays * 24 * 3600_000);
  const due = await d.lifecycle.findShippedBefore(cutoff, JOB_BATCH);
  const completed: number[] = [];
  const skipped: number[] = [];
  for (const { id } of due) {
    // false: the shopper confirmed, or a refund started, in the meantime.
    if (await d.lifecycle.complete(id, 'job:auto-complete')) completed.push(id);
    else skipped.push(id);
  }
  return { completed, skipped };
}

export const errText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);
