/**
 * The order jobs (order-timeout, order-auto-complete), registered with the scheduler by
 * registerOrderJobs; each is one bounded pass. Every write they cause goes through the owning
 * module's service (OrderLifecycle, PaymentsService), whose compare-and-set transitions make a
 * pass safe to run twice at once: the lease keeps that rare, the CAS makes it harmless (an order
 * is cancelled and its stock returned by exactly one of them).
 *
 * Calls to WeChat Pay happen here, outside any transaction, before the transition they decide.
 */
import type { Logger } from '../../logger';
import { errText, JOB_BATCH, type Scheduler } from '../jobs';
import type { OrderPaymentsPort } from './payments-port';
import type { OrderLifecycle } from './order-lifecycle';

export interface OrderJobDeps {
  lifecycle: OrderLifecycle;
  payments: Pick<OrderPaymentsPort, 'closeRemote' | 'reconcile'>;
  log: Logger;
  now: () => Date;
  /** ORDER_AUTO_COMPLETE_DAYS. */
  autoCompleteDays: number;
}

export function registerOrderJobs(scheduler: Scheduler, d: OrderJobDeps): void {
  scheduler.register({ name: 'order-timeout', run: () => runOrderTimeout(d) });
  scheduler.register({ name: 'order-auto-complete', run: () => runAutoComplete(d) });
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
async function runOrderTimeout(d: OrderJobDeps): Promise<OrderTimeoutResult> {
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

/** Shipped orders older than ORDER_AUTO_COMPLETE_DAYS become completed (OrderCompleted). */
async function runAutoComplete(d: OrderJobDeps): Promise<{ completed: number[]; skipped: number[] }> {
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
