/**
 * Group-buy's part in checkout. A body carrying `groupBuy: { campaignId, groupId? }` makes the
 * order a seat (kind group_seat) at the group price:
 * - `quote` (outside the transaction): one line of the campaign's SKU, the window, the
 *   per-shopper limit, the group (joinable, of this campaign), the sold-out flag;
 * - `reserve` (inside): group seat, seat row, shopper's units, then the campaign unit last (the
 *   hottest row, locked as briefly as possible) — each a conditional write with affected rows
 *   checked; the stock contributor skips the kind (the unit was carved from the SKU when the
 *   campaign was scheduled);
 * - `release`: an unpaid seat lapsing or cancelled gives its seat and unit back; a paid seat
 *   refunded because its group failed gives its unit back to the campaign.
 * Two contributors share this file: the quote must run first (it decides the kind), the unit
 * should be taken last.
 */
import type { EntityManager } from 'typeorm';
import type { SeatCheckoutNote } from '@common/groupbuy/checkout-notes';
import { canJoinGroup, canTakeSeat, groupDeadline } from '@common/groupbuy/rules';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../http/app-error';
import { claimKind, RANK, type CheckoutContributor, type ReleaseContext, type ReserveContext } from '../orders';
import type { CampaignStock } from './campaign.stock';
import { GbCampaign, GbGroup, GbSeat, GbShopper } from './groupbuy.entities';
import { GroupBuyField } from './groupbuy.schema';

export const FIELD = 'groupBuy';

const refuse = (code: ConstructorParameters<typeof AppError>[0], field = FIELD): never => {
  throw new AppError(code, undefined, [{ field, message: '' }]);
};

/** The Transactor's afterCommit: runs `fn` once `m`'s transaction committed (false: `m` is none). */
type AfterCommit = (m: EntityManager, fn: () => void) => boolean;

export function groupSeatContributors(stock: CampaignStock, afterCommit: AfterCommit): CheckoutContributor[] {
  const quoteSeat: CheckoutContributor = {
    name: 'groupbuy',
    rank: RANK.kind,
    field: { name: FIELD, schema: GroupBuyField.optional(), description: '拼团：{ campaignId, groupId? }（不带 groupId 为开新团）' },
    async quote(draft) {
      const input = draft.body[FIELD] as { campaignId: number; groupId?: number } | undefined;
      if (!input) return;
      claimKind(draft, 'group_seat', FIELD);
      // The opening second: a sold-out campaign is refused here, before any statement.
      if (stock.isSoldOut(input.campaignId)) refuse('GROUPBUY_SOLD_OUT');
      const c = await stock.find(input.campaignId);
      if (!c || c.status === 'draft') return refuse('GROUPBUY_CAMPAIGN_NOT_FOUND', `${FIELD}.campaignId`);
      if (draft.lines.length !== 1 || draft.lines[0].skuId !== c.skuId) refuse('GROUPBUY_ONE_LINE', 'lines');
      const quantity = draft.lines[0].quantity;
      const m = stock.manager();
      const mine = await m.findOneBy(GbShopper, { campaignId: c.id, memberId: draft.memberId });
      const seat = canTakeSeat({ ...c, left: c.stockLeft }, draft.now, quantity, mine?.units ?? 0);
      if (!seat.ok) {
        if (seat.code === 'GROUPBUY_SOLD_OUT') stock.markSoldOut(c.id);
        refuse(seat.code, seat.code === 'GROUPBUY_QUANTITY_OVER_LIMIT' ? 'lines.0.quantity' : FIELD);
      }
      if (input.groupId !== undefined) {
        const g = await m.findOneBy(GbGroup, { id: input.groupId });
        // Another campaign's group is as unknown here as a forged id.
        if (!g || g.campaignId !== c.id) return refuse('GROUPBUY_GROUP_NOT_FOUND', `${FIELD}.groupId`);
        const inGroup = await m.countBy(GbSeat, { groupId: g.id, memberId: draft.memberId, live: 1 });
        const join = canJoinGroup(g, draft.now, inGroup > 0);
        if (!join.ok) refuse(join.code, `${FIELD}.groupId`);
      }
      draft.priceChanges.push({ skuId: c.skuId, unitPriceFen: c.groupPriceFen, label: '拼团价' });
      // A group price is all-in (拼团包邮): what the share card says is what the shopper pays.
      draft.freightWaived = true;
      // What quote leaves for reserve (and 确认订单): notes.groupbuy.
      const note: SeatCheckoutNote = {
        campaignId: c.id,
        groupId: input.groupId ?? null,
        quantity,
        groupSize: c.groupSize,
        perShopperLimit: c.perShopperLimit,
        deadline: groupDeadline(c, draft.now).toISOString(),
      };
      draft.notes.groupbuy = note;
    },
  };

  const reserveSeat: CheckoutContributor = {
    name: 'groupbuy.seat',
    // After stock (which skips seats): the campaign row, the hottest of all, is locked last.
    rank: RANK.stock + 50,
    async reserve(ctx) {
      const note = ctx.draft.notes.groupbuy;
      if (ctx.order.kind !== 'group_seat' || !note) return;
      const groupId = note.groupId ? await takeSeatIn(ctx.m, note.groupId, note.campaignId, ctx.now) : await openGroup(ctx, note);
      await insertSeat(ctx, note, groupId);
      await addShopperUnits(ctx.m, note.campaignId, ctx.order.memberId, note.quantity, note.perShopperLimit);
      if (!(await stock.take(ctx.m, note.campaignId, note.quantity, ctx.now))) {
        // Why not: the window and status say it (they do not race); otherwise the units are gone.
        // (Not `stock_left` read back here: under REPEATABLE READ a plain read sees this
        // transaction's older snapshot, not the commit that took the last unit.)
        const c = await ctx.m.findOneByOrFail(GbCampaign, { id: note.campaignId });
        if (c.startAt > ctx.now) refuse('GROUPBUY_NOT_STARTED');
        if (c.endAt <= ctx.now || c.status === 'ended') refuse('GROUPBUY_ENDED');
        stock.markSoldOut(c.id);
        refuse('GROUPBUY_SOLD_OUT');
      }
    },
    async release(ctx) {
      if (ctx.order.kind !== 'group_seat') return;
      await releaseSeat(ctx, stock, afterCommit);
    },
  };

  return [quoteSeat, reserveSeat];
}

/** Joining: one more seat, only while the group is open, not full and not expired (the WHERE decides, under the row lock). */
async function takeSeatIn(m: EntityManager, groupId: number, campaignId: number, now: Date): Promise<number> {
  const r = await m
    .createQueryBuilder()
    .update(GbGroup)
    .set({ seatsTaken: () => 'seats_taken + 1' })
    .where("id = :groupId AND campaign_id = :campaignId AND status = 'open' AND seats_taken < size AND expires_at > :now", { groupId, campaignId, now })
    .execute();
  if (!r.affected) {
    const g = await m.findOneByOrFail(GbGroup, { id: groupId });
    refuse(g.status === 'open' && g.expiresAt > now ? 'GROUPBUY_GROUP_FULL' : 'GROUPBUY_GROUP_CLOSED', `${FIELD}.groupId`);
  }
  return groupId;
}

async function openGroup(ctx: ReserveContext, note: SeatCheckoutNote): Promise<number> {
  const r = await ctx.m.insert(GbGroup, {
    campaignId: note.campaignId,
    leaderMemberId: ctx.order.memberId,
    size: note.groupSize,
    seatsTaken: 1,
    seatsPaid: 0,
    status: 'open',
    expiresAt: new Date(note.deadline),
    settledAt: null,
    createdAt: ctx.now,
  });
  return Number(r.identifiers[0].id);
}

async function insertSeat(ctx: ReserveContext, note: SeatCheckoutNote, groupId: number): Promise<void> {
  try {
    // The unique (group, member, live) index: a shopper's second live seat in one group fails
    // here even when two of their requests race past the quote together.
    await ctx.m.insert(GbSeat, {
      campaignId: note.campaignId,
      groupId,
      memberId: ctx.order.memberId,
      orderId: ctx.order.id,
      quantity: note.quantity,
      leader: note.groupId === null,
      status: 'pending',
      live: 1,
      notice: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  } catch (err) {
    if (isUniqueViolation(err)) refuse('GROUPBUY_ALREADY_IN_GROUP', `${FIELD}.groupId`);
    throw err;
  }
}

/**
 * The per-shopper limit, kept under races by the shopper's counter row. Insert first: a first
 * seat (the opening second's common case) only needs an insert, and inserts of different keys
 * never block each other (an UPDATE of a missing row would take a gap lock and deadlock with the
 * neighbours' inserts). A second seat finds the row (unique key) and adds by a conditional UPDATE.
 */
async function addShopperUnits(m: EntityManager, campaignId: number, memberId: number, q: number, limit: number): Promise<void> {
  if (q > limit) refuse('GROUPBUY_QUANTITY_OVER_LIMIT', 'lines.0.quantity');
  try {
    await m.insert(GbShopper, { campaignId, memberId, units: q });
    return;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const r = await m
    .createQueryBuilder()
    .update(GbShopper)
    .set({ units: () => 'units + :q' })
    .where('campaign_id = :campaignId AND member_id = :memberId AND units + :q <= :limit', { campaignId, memberId, q, limit })
    .execute();
  if (!r.affected) refuse('GROUPBUY_LIMIT_REACHED');
}

/**
 * Gives a seat back. The runner calls this once per cancel and once per refund; the seat's own
 * status is compare-and-set as well, so a seat is released once whatever asks.
 */
async function releaseSeat(ctx: ReleaseContext, stock: CampaignStock, afterCommit: AfterCommit): Promise<void> {
  const seat = await ctx.m.findOneBy(GbSeat, { orderId: ctx.order.id });
  if (!seat || seat.status === 'released') return;
  let from: 'held' | 'sold';
  if (ctx.reason === 'cancel') {
    if (seat.status !== 'pending') return;
    from = 'held';
  } else {
    // A refund returns the unit only when the group failed (the goods never left); a refund
    // after success is an after-sale matter, like the SKU stock.
    const g = await ctx.m.findOneByOrFail(GbGroup, { id: seat.groupId });
    if (g.status !== 'failed' || !ctx.refund?.fullyRefunded || seat.status !== 'paid') return;
    from = 'sold';
  }
  const r = await ctx.m.update(GbSeat, { id: seat.id, status: seat.status }, { status: 'released', live: null, updatedAt: ctx.now });
  if (!r.affected) return;
  // The seat leaves its group (a pending seat frees its place for someone else to join).
  if (from === 'held') {
    await ctx.m.createQueryBuilder().update(GbGroup).set({ seatsTaken: () => 'seats_taken - 1' }).where('id = :id AND seats_taken >= 1', { id: seat.groupId }).execute();
  }
  await ctx.m.createQueryBuilder().update(GbShopper).set({ units: () => 'units - :q' }).where('campaign_id = :c AND member_id = :mb AND units >= :q', { c: seat.campaignId, mb: seat.memberId, q: seat.quantity }).execute();
  await stock.giveBack(ctx.m, seat.campaignId, seat.quantity, from);
  stock.unitsReturned(seat.campaignId);
  // The admission gate's copy learns it only once committed (a rolled-back release returned nothing).
  const mirror = { memberId: seat.memberId, q: seat.quantity };
  if (!afterCommit(ctx.m, () => stock.unitsReturned(seat.campaignId, mirror))) stock.unitsReturned(seat.campaignId, mirror);
}
