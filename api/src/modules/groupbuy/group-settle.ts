/**
 * A group's outcome. Success happens inside the payment that paid its N-th seat (a transition
 * hook on `pay` for kind group_seat); failure is decided by the job (time limit or campaign end)
 * and happens in one transaction: the group's compare-and-set open → failed, every unpaid seat
 * cancelled (its release gives the seat and unit back), every paid seat moved to refunding with
 * a full automatic refund row. The refunds go to WeChat Pay after commit (GroupFailed in the
 * outbox), each with its own out_refund_no, reused on every retry. A paid seat still in
 * 待成团 after its group settled is moved on by the job's repair pass (repairStranded).
 */
import type { EntityManager } from 'typeorm';
import { groupNext } from '@common/groupbuy/state';
import { locked } from '../../db/locked-read';
import type { Transactor } from '../../db/transaction';
import type { Logger } from '../../logger';
import type { OrderFacts, OrderHooks, OrderTransitions } from '../orders';
import type { Outbox } from '../outbox';
import type { RefundsService } from '../payments';
import type { CampaignStock } from './campaign.stock';
import { GbGroup, GbSeat } from './groupbuy.entities';

const ACTOR = 'groupbuy';
/** How many grouping seat orders one repair pass looks at (the open groups' seats among them). */
const GROUPING_SCAN = 1000;

export class GroupSettler {
  constructor(
    private readonly tx: Transactor,
    private readonly transitions: OrderTransitions,
    private readonly refunds: RefundsService,
    private readonly outbox: Outbox,
    private readonly stock: CampaignStock,
    private readonly log: Logger,
    /** The order tables' ports (orders owns them; its locking reads included). */
    private readonly orders: Pick<OrderFacts, 'byIds' | 'lockedByIds' | 'idsIn'>,
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
    // Locking reads, not findBy: under REPEATABLE READ a plain SELECT answers from this
    // transaction's snapshot, taken before the other last seat's payment committed, and missed
    // it (its order stayed 待成团). Every payment that counted a seat committed before our
    // increment of seats_paid got the group row, so the newest rows hold all N paid seats.
    const seats = await locked(m, m.createQueryBuilder(GbSeat, 's').where("s.group_id = :groupId AND s.status = 'paid'", { groupId })).getMany();
    const orders = await this.orders.lockedByIds(m, seats.map((s) => s.orderId));
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
   * The job's repair pass: a paid seat still in 待成团 although its group settled is moved on,
   * and warned about with its ids.
   * - Group succeeded: to paid (待发货), as the success moves it. Before the success read its
   *   seats with locking reads, the last two seats paid together could leave one behind.
   * - Group failed: refunded in full, as the failure does. This is also how a failed seat whose
   *   refund WeChat closed (back to grouping by the seat table) gets its refund opened again.
   * One transaction per seat; no new GroupSucceeded (the group's one event was sent).
   */
  async repairStranded(now: Date, limit: number): Promise<Record<'succeeded' | 'failed', number>> {
    // Seat orders still grouping (orders' port: few, the seats of open groups and these), then
    // those of them that are paid seats of a settled group (our tables).
    const grouping = await this.orders.idsIn('group_seat', 'grouping', GROUPING_SCAN);
    const rows: { order_id: number; group_id: number; status: 'succeeded' | 'failed' }[] = grouping.length
      ? await this.stock
          .manager()
          .query(
            `SELECT s.order_id, s.group_id, g.status FROM gb_seat s JOIN gb_group g ON g.id = s.group_id WHERE g.status IN ('succeeded', 'failed') AND s.status = 'paid' AND s.order_id IN (${grouping.map(() => '?').join(',')}) LIMIT ?`,
            [...grouping, limit],
          )
      : [];
    // Seats moved on, by their group's outcome.
    const done = { succeeded: 0, failed: 0 };
    for (const row of rows) {
      const [orderId, groupId, outcome] = [Number(row.order_id), Number(row.group_id), row.status];
      const moved = await this.tx.run(async (m) => {
        // A locking read: a run going on at the same moment holds the row until it commits, and
        // we then see its move (a plain read would answer from our snapshot and try again).
        const [o] = await this.orders.lockedByIds(m, [orderId]);
        if (o?.status !== 'grouping') return false;
        if (outcome === 'succeeded') {
          await this.transitions.apply(m, { order: o, event: 'group_succeed', actor: ACTOR, note: `拼团已成功，补记 #${groupId}`, now });
          return true;
        }
        await this.transitions.apply(m, { order: o, event: 'group_fail', actor: ACTOR, note: '拼团未成，退款', now });
        // One refund per move: the order's CAS just above happens once.
        const id = await this.refunds.createAutoRefund(m, o, '拼团失败，自动退款');
        await this.outbox.enqueue(m, 'GroupFailed', groupId, { groupId, refundIds: [id] });
        return true;
      });
      if (!moved) continue;
      done[outcome]++;
      this.log.warn({ orderId, groupId, group: outcome, to: outcome === 'succeeded' ? 'paid' : 'refunding' }, 'groupbuy: a seat left in grouping after its group settled was moved on');
    }
    return done;
  }

  private async groupCampaign(groupId: number): Promise<number | null> {
    return (await this.stock.manager().findOneBy(GbGroup, { id: groupId }))?.campaignId ?? null;
  }
}
