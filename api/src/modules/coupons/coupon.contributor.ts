/**
 * Coupons at checkout, through the extension points (no edit inside checkout):
 * - quote: the member's coupons checked against the lines as priced after unit-price changes and
 *   the member discount (adjustments ranked before RANK.coupon); notes.coupon lists every unused
 *   coupon, usable or with its reason, and the best one; the chosen `couponId` adds one
 *   Adjustment {kind:'coupon', ref: couponId, skuIds: its eligible lines}, which pricing applies
 *   after the member discount and before points, prorated over those lines only;
 * - reserve: unused → locked for the order (compare-and-set, affected rows checked);
 * - a `pay` transition hook: locked → used;
 * - release: a cancel (shopper or timeout) gives it back (locked → unused); a full refund gives it
 *   back only while it is still valid (used → unused); a partial refund never does.
 */
import type { CouponLine } from '@common/coupon/rules';
import { errorMessage } from '@common/errors';
import { zs } from '../../http/validate';
import { AppError } from '../../http/app-error';
import { priceBefore, RANK, type CheckoutContributor, type CheckoutDraft, type OrderHooks } from '../orders';
import type { CouponWallet } from './coupon-wallet';
import type { MemberFacts } from './member-facts';

export const COUPON_FIELD = 'couponId';

/** The lines as the coupon sees them: after price changes and the adjustments ranked before it. */
function couponLines(draft: CheckoutDraft): CouponLine[] {
  const before = priceBefore(draft, 'coupon');
  return draft.lines.map((l, i) => ({ skuId: l.skuId, productId: l.productId, categoryId: l.categoryId, payableFen: before[i].payableFen }));
}

export function couponContributor(wallet: CouponWallet, facts: MemberFacts): CheckoutContributor {
  return {
    name: 'coupon',
    rank: RANK.coupon,
    // Which kinds take a coupon (not a points redemption) is the kinds' declaration; the runner refuses couponId elsewhere.
    adjusts: 'coupon',
    field: { name: COUPON_FIELD, schema: zs.bodyId().optional(), description: '使用的优惠券（我的优惠券 id）' },
    async quote(draft) {
      const chosen = draft.body[COUPON_FIELD] as number | undefined;
      // Placing without a coupon: nothing to check; the list of options is for 确认订单 only.
      if (draft.placing && chosen === undefined) return;
      const lines = couponLines(draft);
      const ctx = { now: draft.now, isFirstOrder: await facts.isFirstOrder(draft.memberId) };
      if (!draft.placing) draft.notes.coupon = await wallet.options(draft.memberId, lines, ctx, chosen ?? null);
      if (chosen === undefined) return;
      const { check, label } = await wallet.checkChosen(draft.memberId, chosen, lines, ctx).catch((err: unknown) => {
        // Name the field, so the page knows which choice was refused.
        if (err instanceof AppError) throw new AppError(err.code, err.detail, [{ field: COUPON_FIELD, message: errorMessage(err.code) }]);
        throw err;
      });
      draft.adjustments.push({ kind: 'coupon', label, ref: String(chosen), amountFen: check.amountFen, skuIds: [...check.skuIds] });
    },
    async reserve({ m, order, draft, now }) {
      const chosen = draft.body[COUPON_FIELD] as number | undefined;
      if (chosen === undefined) return;
      await wallet.lock(m, order.memberId, chosen, order.id, now);
    },
    async release({ m, order, reason, refund, now }) {
      if (reason === 'cancel') await wallet.unlock(m, order.id, now);
      else if (refund?.fullyRefunded) await wallet.restore(m, order.id, now);
    },
  };
}

/** locked → used when the order is paid (any kind: a zero-cash order is paid at creation). */
export function registerCouponHooks(hooks: OrderHooks, wallet: CouponWallet): void {
  hooks.onTransition({
    name: 'coupon.consume-on-pay',
    events: ['pay'],
    run: async (ctx) => {
      await wallet.consume(ctx.m, ctx.order.id, ctx.now);
    },
  });
}
