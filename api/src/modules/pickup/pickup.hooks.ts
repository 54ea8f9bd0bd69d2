/**
 * The pickup row follows its order: one transition hook on every event of the pickup kind, run
 * inside the order's compare-and-set transaction (so only the transition's winner moves the
 * row, exactly once). Paid → ready (the code now works at the counter); a refund under way →
 * on hold; collected → collected (the code is released); cancelled or refunded → closed.
 */
import { isOpenState, PICKUP_STATE_OF } from '@common/pickup/rules';
import type { OrderHooks } from '../orders';
import { PickupOrder } from './pickup.entities';

export function registerPickupHooks(hooks: OrderHooks): void {
  hooks.onTransition({
    name: 'pickup.follow-order',
    kinds: ['pickup'],
    events: ['pay', 'cancel', 'collect', 'refund_request', 'refund_close', 'refund_succeed'],
    run: async ({ m, order, from, to, event, actor, now }) => {
      const was = PICKUP_STATE_OF[from];
      const next = PICKUP_STATE_OF[to];
      if (!was || !next || was === next) return;
      const set: Partial<PickupOrder> = { state: next, updatedAt: now };
      if (event === 'pay') set.readyAt = now;
      if (event === 'collect') Object.assign(set, { collectedAt: now, collectedBy: actor.slice(0, 40) });
      // A closed or collected code is free again (the unique key covers open codes only).
      if (!isOpenState(next)) set.openCode = null;
      // Compare-and-set on the row's state: it must be where the order's old status puts it; a
      // row out of step is a bug, and throwing rolls the order's transition back with it.
      const res = await m.createQueryBuilder().update(PickupOrder).set(set).where('order_id = :id AND state = :was', { id: order.id, was }).execute();
      if (res.affected !== 1) throw new Error(`pickup row of order ${order.id} is not ${was}`);
    },
  });
}
