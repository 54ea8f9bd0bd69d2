/**
 * Membership and points at checkout, through two contributors (which kinds of order take each
 * is the kinds' declaration, ACCEPTED_ADJUSTMENTS, enforced by the checkout runner):
 * - `member` (rank RANK.memberDiscount): the tier's discount on goods at their own price (lines
 *   with a price change are left alone), as an adjustment of kind 'member' shown as 会员价.
 *   Nothing to reserve: it is a price.
 * - `points` (rank RANK.points, body field `pointsToUse`): 100 points = ¥1 by default, at most
 *   the cap share of the goods (50 %) and the balance. Reserve debits exactly the points for the
 *   amount pricing really applied (ctx.applied('points')), keyed `order:<id>:points`; a cancel
 *   gives them all back, a refund its prorated part (`refund:<no>:points`), all of the rest when
 *   the order is fully refunded.
 * The preview's notes.points tells 确认订单 the balance and the most it may use.
 */
import { z } from 'zod';
import { fenForPoints, maxUsablePoints, memberPriceFen, pointsForFen, tierRule } from '@common/membership/rules';
import type { CheckoutPointsNote } from '@common/membership/checkout-notes';
import type { DataSource } from 'typeorm';
import { AppError } from '../../http/app-error';
import type { MemberProfiles, MembershipSettingsService } from '../membership';
import { priceBefore, RANK, type CheckoutContributor, type MemberReadPart, type CheckoutDraft, type ReleaseContext, type ReserveContext } from '../orders';
import { balanceOf, debit, MAX_POINTS_PER_ENTRY, returnDebit } from './ledger';
import { findEntry } from './ledger-sql';

const spendKey = (orderId: number) => `order:${orderId}:points`;

export class MemberDiscountContributor implements CheckoutContributor {
  readonly name = 'member';
  readonly rank = RANK.memberDiscount;
  readonly adjusts = 'member';

  constructor(
    private readonly ds: DataSource,
    private readonly profiles: MemberProfiles,
    private readonly settings: MembershipSettingsService,
  ) {}

  /** The tier and the settings text, folded into checkout's one member read. */
  get memberRead(): MemberReadPart {
    return this.settings.tierRead;
  }

  async quote(draft: CheckoutDraft): Promise<void> {
    // From checkout's one member read (see memberRead), else by itself.
    const rows = draft.memberRows?.get(this.name);
    const { tier, settings: s } = rows
      ? this.settings.fromTierRows(rows)
      : { tier: (await this.profiles.standing(this.ds.manager, draft.memberId)).tier, settings: await this.settings.get() };
    const rule = tierRule(tier, s);
    if (rule.discountPct <= 0) return;
    // Per unit at the line's unit price (会员价 is a unit price); pricing caps it at what is left.
    const lines = priceBefore(draft, 'member').filter((l) => !l.priceChanged);
    const amountFen = lines.reduce((sum, l) => sum + (l.unitPriceFen - memberPriceFen(l.unitPriceFen, rule.discountPct)) * l.quantity, 0);
    if (amountFen <= 0) return;
    draft.adjustments.push({ kind: 'member', label: '会员价', ref: rule.code, amountFen, skuIds: lines.map((l) => l.skuId) });
  }
}

export class PointsContributor implements CheckoutContributor {
  readonly name = 'points';
  readonly rank = RANK.points;
  readonly adjusts = 'points';
  readonly field = {
    name: 'pointsToUse',
    schema: z.number().int('须为整数').min(0, '不能为负数').max(MAX_POINTS_PER_ENTRY).optional(),
    description: '本单使用的积分（整数，默认 100 积分 = ¥1，不超过商品金额的 50% 与可用积分）',
  };

  constructor(
    private readonly ds: DataSource,
    private readonly settings: MembershipSettingsService,
  ) {}

  async quote(draft: CheckoutDraft): Promise<void> {
    const want = (draft.body.pointsToUse as number | undefined) ?? 0;
    // Placing without points: nothing to check, and the note is for 确认订单 only (two reads saved).
    if (draft.placing && want === 0) return;
    const s = await this.settings.get();
    const { balance } = await balanceOf(this.ds.manager, draft.memberId);
    // The cap is a share of the goods (after unit-price changes); pricing caps what is applied
    // at what the lines still have to pay after the discounts before points.
    const goodsFen = priceBefore(draft, 'points').reduce((sum, l) => sum + l.subtotalFen, 0);
    const maxUsable = maxUsablePoints(goodsFen, balance, s);
    const savedFen = fenForPoints(want, s);
    const note: CheckoutPointsNote = { balance, maxUsable, pointsPerYuan: s.redeem.pointsPerYuan, used: want, savedFen };
    draft.notes.points = note;
    if (want === 0) return;
    const field = [{ field: 'pointsToUse', message: `本单最多可用 ${maxUsable} 积分` }];
    if (want > balance) throw new AppError('POINTS_INSUFFICIENT', `wants ${want}, has ${balance}`, field);
    if (want > maxUsable || pointsForFen(savedFen, s) !== want) throw new AppError('POINTS_OVER_CAP', `wants ${want}, cap ${maxUsable}`, field);
    draft.adjustments.push({ kind: 'points', label: '积分抵扣', ref: String(want), amountFen: savedFen });
  }

  async reserve(ctx: ReserveContext): Promise<void> {
    const applied = ctx.applied('points');
    if (!applied || applied.appliedFen <= 0) return;
    const s = await this.settings.get(ctx.m);
    // Exactly the points for what pricing applied (an earlier discount may have left less room).
    const points = pointsForFen(applied.appliedFen, s);
    // Conditional debit (balance >= points): a concurrent spend of the same points fails here, 409.
    await debit(ctx.m, { memberId: ctx.order.memberId, points, key: spendKey(ctx.order.id), reason: `订单 ${ctx.order.orderNo} 抵扣`, now: ctx.now });
  }

  async release(ctx: ReleaseContext): Promise<void> {
    const key = spendKey(ctx.order.id);
    if (ctx.reason === 'cancel') {
      await returnDebit(ctx.m, { key, returnKey: `${key}:return`, reason: `订单 ${ctx.order.orderNo} 取消退回`, now: ctx.now });
      return;
    }
    const r = ctx.refund;
    const spent = await findEntry(ctx.m, key);
    if (!r || !spent) return;
    const returnKey = `refund:${r.refundNo}:points`;
    const reason = `订单 ${ctx.order.orderNo} 退款退回`;
    if (r.fullyRefunded) {
      await returnDebit(ctx.m, { key, returnKey, reason, now: ctx.now });
      return;
    }
    // A partial refund gives back the points of its share of what was paid (rounded down; the
    // refund that empties the order gives back whatever is left).
    const paid = ctx.order.payableFen;
    const points = paid > 0 ? Math.floor((spent.points * Math.min(r.amountFen, paid)) / paid) : 0;
    if (points > 0) await returnDebit(ctx.m, { key, returnKey, points, reason, now: ctx.now });
  }
}
