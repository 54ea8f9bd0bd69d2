/**
 * A group's outcome. Success happens inside the payment that paid its N-th seat (a transition
 * hook on `pay` for kind group_seat); failure is decided by the job (time limit or campaign end)
 * and happens in one transaction: the group's compare-and-set open → failed, every unpaid seat
 * cancelled (its release gives the seat and unit back), every paid seat moved to refunding with
 * a full automatic refund row. The refunds go to WeChat Pay after commit (GroupFailed in the
 * outbox), each with its own out_refund_no, reused on every retry.
 */
import type { EntityManager } from 'typeorm';
import { groupNext } from '@common/groupbuy/state';
import type { Transactor } from '../../db/transaction';
import type { OrderFacts, OrderHooks, OrderSnapshot, OrderTransitions } from '../orders';
import type { Outbox } from '../outbox';
import type { RefundsService } from '../payments';
import type { CampaignStock } from './campaign.stock';
import { GbGroup, GbSeat } from './groupbuy.entities';

const ACTOR = 'groupbuy';
/** How many grouping seat orders one stranded-refund pass looks at (open groups' seats included). */
const GROUPING_SCAN = 1000;

export class GroupSettler {
  constructor(
    private readonly tx: Transactor,
    private readonly transitions: OrderTransitions,
    private readonly refunds: RefundsService,
    private readonly outbox: Outbox,
    private readonly stock: CampaignStock,
    /** The order tables' ports (orders owns them). */
    private readonly orders: Pick<OrderFacts, 'byId' | 'byIds' | 'idsIn'>,
  ) {}

  /** Registers the seat's payment hook: runs inside the CAS transaction of its `pay`. */
  register(hooks: OrderHooks): void {
    hooks.onTransition({
      name: 'groupbuy.seat-paid',
      kinds: ['group_seat'],
      events: ['pay'],
      run: async ({ m, order, now }) => {
        const seat = await m.findOneByOrFail(GbSeat, { orderId: order.id });
        // pending → paid once (the pay CAS already made this run once; the seat's own CAS keeps it honest).
        const s = await m.update(GbSeat, { id: seat.id, status: 'pending' }, { status: 'paid', updatedAt: now });
        if (!s.affected) throw new Error(`seat ${seat.id} was not pending`);
        await this.stock.sell(m, seat.campaignId, seat.quantity);
        // Counted only while the group is open. A group that failed meanwhile has cancelled this
        // order in the same transaction that failed it, so the pay CAS could not have won.
        const g = await m.createQueryBuilder().update(GbGroup).set({ seatsPaid: () => 'seats_paid + 1' }).where("id = :id AND status = 'open'", { id: seat.groupId }).execute();
        if (!g.affected) throw new Error(`group ${seat.groupId} is not open`);
        await this.succeedIfFull(m, seat.groupId, now);
      },
    });
  }

  /** N seats paid: open → succeeded (CAS), and every seat's order grouping → paid (待发货). */
  private async succeedIfFull(m: EntityManager, groupId: number, now: Date): Promise<void> {
    const to = groupNext('open', 'succeed')!;
    const r = await m.createQueryBuilder().update(GbGroup).set({ status: to, settledAt: now }).where("id = :id AND status = 'open' AND seats_paid >= size", { id: groupId }).execute();
    if (!r.affected) return;
    const seats = await m.findBy(GbSeat, { groupId, status: 'paid' });
    const orders = await this.orders.byIds(seats.map((s) => s.orderId), m);
    for (const o of orders) await this.transitions.apply(m, { order: o, from: 'grouping', event: 'group_succeed', actor: ACTOR, note: `拼团成功 #${groupId}`, now });
    await this.outbox.enqueue(m, 'GroupSucceeded', groupId, { groupId });
  }

  /**
   * Fails a group (the job decided it is due). Answers false when another run (or a last-second
   * success) settled it first: the group's CAS lets exactly one transaction fail it.
   */
  async fail(groupId: number, now: Date, reason: string): Promise<boolean> {
    const refundIds = await this.tx.run(async (m) => {
      const to = groupNext('open', 'fail')!;
      // seats_paid < size: a group whose last seat was paid a moment ago has succeeded, not failed.
      const r = await m.createQueryBuilder().update(GbGroup).set({ status: to, settledAt: now }).where("id = :id AND status = 'open' AND seats_paid < size", { id: groupId }).execute();
      if (!r.affected) return null;
      const seats = await m.findBy(GbSeat, { groupId, live: 1 });
      const orders = await this.orders.byIds(seats.map((s) => s.orderId), m);
      const ids: number[] = [];
      for (const o of orders) {
        if (o.status === 'pending_payment') {
          // Cancel: the release hooks give the seat and its unit back; a payment arriving later
          // finds the order cancelled and is refunded in full by the payments module.
          await this.transitions.apply(m, { order: o, event: 'cancel', actor: ACTOR, note: reason, set: { cancelledAt: now, cancelReason: reason.slice(0, 64) }, now });
        } else if (o.status === 'grouping') {
          await this.transitions.apply(m, { order: o, event: 'group_fail', actor: ACTOR, note: reason, now });
          // Full refund, one row per seat: the order's CAS just above happens once, so this does too.
          ids.push(await this.refunds.createAutoRefund(m, o, `${reason}，自动退款`));
        }
      }
      await this.outbox.enqueue(m, 'GroupFailed', groupId, { groupId, refundIds: ids });
      return ids;
    });
    if (refundIds === null) return false;
    this.stock.unitsReturned((await this.groupCampaign(groupId)) ?? 0);
    return true;
  }

  /**
   * A failed group's paid seat whose refund WeChat closed came back to grouping (see the seat
   * table): open its refund again, the same way. The order's CAS keeps it to one per round.
   */
  async refundStranded(now: Date, limit: number): Promise<number> {
    // Seat orders still grouping (orders' port: few, the seats of open groups and these), then
    // those of them that are paid seats of a failed group (our tables).
    const grouping = await this.orders.idsIn('group_seat', 'grouping', GROUPING_SCAN);
    const rows: { order_id: number; group_id: number }[] = grouping.length
      ? await this.stock
          .manager()
          .query(
            `SELECT s.order_id, s.group_id FROM gb_seat s JOIN gb_group g ON g.id = s.group_id WHERE g.status = 'failed' AND s.status = 'paid' AND s.order_id IN (${grouping.map(() => '?').join(',')}) LIMIT ?`,
            [...grouping, limit],
          )
      : [];
    for (const row of rows) {
      await this.tx.run(async (m) => {
        const o: OrderSnapshot | null = await this.orders.byId(Number(row.order_id), m);
        if (o?.status !== 'grouping') return;
        await this.transitions.apply(m, { order: o, event: 'group_fail', actor: ACTOR, note: '退款未成功，重新退款', now });
        const id = await this.refunds.createAutoRefund(m, o, '拼团失败，自动退款');
        await this.outbox.enqueue(m, 'GroupFailed', Number(row.group_id), { groupId: Number(row.group_id), refundIds: [id] });
      });
    }
    return rows.length;
  }

  private async groupCampaign(groupId: number): Promise<number | null> {
    return (await this.stock.manager().findOneBy(GbGroup, { id: groupId }))?.campaignId ?? null;
  }
}
