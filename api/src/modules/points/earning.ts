/**
 * Earning through the outbox, after the order's own transaction committed. Each handler runs in
 * its own transaction and is idempotent by ledger keys, so a redelivered event changes nothing:
 *   OrderPaid      → purchase points credited as pending      `order:<id>:earn`
 *   OrderCompleted → pending confirmed (available)            `order:<id>:earn:confirm`,
 *                    growth reconciled (may upgrade the tier), referral reward on a first order
 *   OrderRefunded  → the refund's prorated points taken back: voided while pending
 *                    (`refund:<no>:void`), clawed back after completion (`refund:<no>:clawback`,
 *                    shortfall as debt); growth reconciled.
 * Amounts come from the order as it is now (payable − refunded), so the outcome does not depend
 * on the order in which the events arrive.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { growthOf, isBirthdayMonth, purchasePoints, refundPoints } from '@common/membership/rules';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { Logger } from '../../logger';
import type { MemberProfiles } from '../membership';
import type { MembershipSettingsService } from '../membership';
import type { OrderReads } from '../orders';
import type { Outbox } from '../outbox';
import { clawback, confirmPending, credit, voidPending } from './ledger';
import { findEntry, lockAccount } from './ledger-sql';
import { PointsEntry } from './points.entities';
import type { Referrals } from './referrals';

export const earnKey = (orderId: number) => `order:${orderId}:earn`;

export interface EarningDeps {
  ds: DataSource;
  tx: Transactor;
  outbox: Outbox;
  log: Logger;
  reads: OrderReads;
  profiles: MemberProfiles;
  settings: MembershipSettingsService;
  referrals: Referrals;
  now: () => Date;
}

/** Points already taken back from an order's purchase points (voids and clawbacks of its refunds). */
async function takenBack(m: EntityManager, orderId: number): Promise<number> {
  const row = await m
    .createQueryBuilder(PointsEntry, 'e')
    .select('COALESCE(SUM(e.points), 0)', 'n')
    .where("e.ref_key = :key AND e.kind IN ('void', 'clawback')", { key: earnKey(orderId) })
    .getRawOne<{ n: string | number }>();
  return Number(row?.n ?? 0);
}

/**
 * The order an event names, as its member sees it; null when there is none (an event about an
 * order that does not exist has nothing to earn, and retrying would not change that).
 */
async function orderOf(d: EarningDeps, m: EntityManager, memberId: number, orderId: number) {
  try {
    return await d.reads.orderDetail(orderId, memberId, m);
  } catch (err) {
    if (err instanceof AppError && err.code === 'ORDER_NOT_FOUND') {
      d.log.warn({ orderId, memberId }, 'points: event for an order that does not exist, ignored');
      return null;
    }
    throw err;
  }
}

/** Growth of an order = ¥ kept once completed; written as the difference to what is recorded. */
async function reconcileGrowth(d: EarningDeps, m: EntityManager, memberId: number, orderId: number, now: Date): Promise<void> {
  const order = await orderOf(d, m, memberId, orderId);
  if (!order) return;
  const target = order.status === 'completed' || order.completedAt ? growthOf(order.payableFen - order.refundedFen) : 0;
  const delta = target - (await d.profiles.growthRecorded(m, `order:${orderId}:growth:`));
  if (delta !== 0) await d.profiles.addGrowth(m, memberId, `order:${orderId}:growth:${order.refundedFen}`, delta, now);
}

export function subscribeEarning(d: EarningDeps): void {
  d.outbox.subscribe('OrderPaid', 'points.earn-pending', async (e) => {
    // Goods bought with points (the points mall) earn no points.
    if (e.kind === 'points_redemption') return;
    const now = d.now();
    await d.tx.run(async (m) => {
      const s = await d.settings.get(m);
      const { tier, birthday } = await d.profiles.standing(m, e.memberId);
      const paidAt = new Date(e.paidAt);
      const pts = purchasePoints(e.payableFen, tier, isBirthdayMonth(birthday, paidAt), s);
      if (pts.points <= 0) return;
      await credit(m, { memberId: e.memberId, points: pts.points, key: earnKey(e.orderId), reason: `订单 ${e.orderNo}`, kind: 'earn', pending: true, now });
    });
  });

  d.outbox.subscribe('OrderCompleted', 'points.earn-confirm', async (e) => {
    const now = d.now();
    await d.tx.run(async (m) => {
      await lockAccount(m, e.memberId, now);
      await confirmPending(m, { key: earnKey(e.orderId), confirmKey: `${earnKey(e.orderId)}:confirm`, reason: `订单 ${e.orderNo}`, now });
      await reconcileGrowth(d, m, e.memberId, e.orderId, now);
      await d.referrals.rewardIfFirstOrder(m, e.memberId, e.orderId, now);
    });
  });

  d.outbox.subscribe('OrderRefunded', 'points.refund-takeback', async (e) => {
    const now = d.now();
    await d.tx.run(async (m) => {
      // Under the account lock, so "confirmed yet?" cannot change while we decide void vs clawback.
      await lockAccount(m, e.memberId, now);
      const earned = await findEntry(m, earnKey(e.orderId));
      if (earned) {
        const order = await orderOf(d, m, e.memberId, e.orderId);
        const due = !order ? 0 : refundPoints(earned.points, order.payableFen, 0, order.refundedFen) - (await takenBack(m, e.orderId));
        if (due > 0) {
          const confirmed = await findEntry(m, `${earnKey(e.orderId)}:confirm`);
          if (confirmed) {
            const key = `refund:${e.refundNo}:clawback`;
            await clawback(m, { memberId: e.memberId, points: due, key, reason: `订单 ${e.orderNo} 退款扣回`, refKey: earnKey(e.orderId), now });
          } else {
            await voidPending(m, { key: earnKey(e.orderId), voidKey: `refund:${e.refundNo}:void`, points: due, reason: `订单 ${e.orderNo} 退款扣回`, now });
          }
        }
      }
      await reconcileGrowth(d, m, e.memberId, e.orderId, now);
    });
  });
}
