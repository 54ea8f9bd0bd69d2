/**
 * Giving back what checkout reserved, exactly once:
 * - on `cancel` (shopper, payment timeout, a group that failed before its seat was paid), in the
 *   transaction of the cancel transition, every contributor's release in reverse rank order;
 * - on a successful refund (full or partial), in the transaction that records it, with the
 *   refund's figures (points and coupons come back in proportion; stock does not: goods may
 *   have shipped, and returned goods go back on the shelf by an HQ adjustment).
 * A cancel is guarded here by a conditional UPDATE that stamps the order's `released_at`: the one
 * transaction that stamps it releases; any other finds it stamped and gives nothing back twice,
 * however it came to ask. A refund is guarded the same way by the refunds module, on the refund
 * row, before it runs the `refunded` hooks (one release per refund).
 */
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../http/app-error';
import type { OrderHooks } from '../order-hooks';
import { OrderLine, ShopOrder } from '../orders.entities';
import type { CheckoutContributors, ReleaseContext } from './contributor';

export async function releaseReserved(
  m: EntityManager,
  contributors: CheckoutContributors,
  orderId: number,
  reason: ReleaseContext['reason'],
  now: Date,
  refund?: ReleaseContext['refund'],
): Promise<boolean> {
  if (reason === 'cancel') {
    // The exactly-once guard: compare-and-set on released_at; only its winner gives back.
    const res = await m.createQueryBuilder().update(ShopOrder).set({ releasedAt: now }).where('id = :id AND released_at IS NULL', { id: orderId }).execute();
    if (res.affected !== 1) return false;
  }
  const o = await m.findOneBy(ShopOrder, { id: orderId });
  if (!o) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
  const lines = await m.find(OrderLine, { where: { orderId }, order: { skuId: 'ASC' } });
  const ctx: ReleaseContext = {
    m,
    order: { id: o.id, orderNo: o.orderNo ?? '', memberId: o.memberId, kind: o.kind, guideId: o.guideId, payableFen: o.payableFen, status: o.status, refundedFen: o.refundedFen, adjustments: o.adjustments },
    lines: lines.map((l) => ({ skuId: l.skuId, productId: l.productId, quantity: l.quantity, subtotalFen: l.subtotalFen, discountFen: l.discountFen, payableFen: l.payableFen })),
    reason,
    refund,
    now,
  };
  // Reverse rank: the last thing reserved is the first given back.
  for (const c of [...contributors.ordered].reverse()) await c.release?.(ctx);
  return true;
}

/** Wires the release to the order lifecycle: every kind's cancel, and every successful refund. */
export function registerReleaseHooks(hooks: OrderHooks, contributors: CheckoutContributors): void {
  hooks.onTransition({
    name: 'checkout.release-on-cancel',
    events: ['cancel'],
    run: async (ctx) => {
      await releaseReserved(ctx.m, contributors, ctx.order.id, 'cancel', ctx.now);
    },
  });
  hooks.onRefunded({
    name: 'checkout.release-on-refund',
    run: async (ctx) => {
      await releaseReserved(ctx.m, contributors, ctx.order.id, 'refund', ctx.now, ctx.refund);
    },
  });
}
