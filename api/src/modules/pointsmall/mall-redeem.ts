/**
 * Redeeming points-mall items. One redemption takes, in the caller's transaction and in this
 * fixed order: the member's holding (`redeemed + 1 WHERE redeemed < per_member_limit`), one unit
 * of the item (`stock - 1 WHERE stock >= 1 AND active`), the redemption row, and the points (the
 * ledger's debit, keyed `mall:<redemption id>`). Any refusal rolls back all of them, so no point
 * or unit is lost. A coupon item grants its coupon in the same transaction; a goods item is an
 * order of kind points_redemption (pointsmall.contributor.ts).
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { RedemptionDto } from '@common/pointsmall/types';
import { ensureRow } from '../../db/ensure-row';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { ensureHolding as ensureCouponHolding, grantInTx } from '../coupons';
import { MallHolding, MallItem, MallRedemption } from './pointsmall.entities';
import { debitKey, returnKey, type PointsLedgerPort } from './points-port';

const HISTORY_LIMIT = 200;

export const toRedemptionDto = (r: MallRedemption): RedemptionDto => ({
  id: r.id, itemId: r.itemId, kind: r.kind, title: r.title, points: r.points, cashFen: r.cashFen,
  orderId: r.orderId, memberCouponId: r.memberCouponId, status: r.status, createdAt: r.createdAt.toISOString(),
});

export class MallRedemptions {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly ledger: PointsLedgerPort,
    private readonly now: () => Date,
  ) {}

  /** Before the redemption transaction: the member's holding rows exist (see ensureRow). */
  async prepare(item: MallItem, memberId: number): Promise<void> {
    await ensureRow(this.tx, MallHolding, { itemId: item.id, memberId, redeemed: 0 });
    if (item.templateId) await ensureCouponHolding(this.tx, item.templateId, memberId);
  }

  /** Inside the caller's transaction: holding, stock, the redemption row, the points debit. */
  async take(m: EntityManager, item: MallItem, memberId: number, now: Date, orderId: number | null): Promise<MallRedemption> {
    // Why conditional: one member's parallel redemptions; only `limit` of them pass.
    const held = await m
      .createQueryBuilder()
      .update(MallHolding)
      .set({ redeemed: () => 'redeemed + 1' })
      .where('item_id = :itemId AND member_id = :memberId AND redeemed < :limit', { itemId: item.id, memberId, limit: item.perMemberLimit })
      .execute();
    if (!held.affected) throw new AppError('MALL_LIMIT_REACHED', `item ${item.id} member ${memberId}`);
    // Why conditional: many members race for the last units; `stock >= 1` never oversells.
    const unit = await m
      .createQueryBuilder()
      .update(MallItem)
      .set({ stock: () => 'stock - 1', redeemedCount: () => 'redeemed_count + 1', updatedAt: now })
      .where('id = :id AND stock >= 1 AND active = :active', { id: item.id, active: true })
      .execute();
    if (!unit.affected) throw new AppError('MALL_ITEM_SOLD_OUT', `item ${item.id}`);
    const r = await m.save(
      m.create(MallRedemption, { itemId: item.id, memberId, kind: item.kind, title: item.title, points: item.pointsPrice, cashFen: item.cashFen, orderId, memberCouponId: null, status: 'active', createdAt: now, returnedAt: null }),
    );
    // The ledger refuses with POINTS_INSUFFICIENT when the balance is short: everything above rolls back.
    await this.ledger.debit(m, { memberId, points: item.pointsPrice, key: debitKey(r.id), reason: `积分兑换：${item.title}`, now });
    return r;
  }

  /** A coupon item: redeemed and the coupon granted at once, in one transaction. */
  async redeemCoupon(memberId: number, item: MallItem): Promise<RedemptionDto> {
    if (item.kind !== 'coupon' || !item.templateId) throw new AppError('MALL_ITEM_KIND_MISMATCH', `item ${item.id} is ${item.kind}`);
    await this.prepare(item, memberId);
    const now = this.now();
    const r = await this.tx.run(async (m) => {
      const taken = await this.take(m, item, memberId, now, null);
      const granted = await grantInTx(m, { templateId: item.templateId!, memberId, source: 'points_mall', sourceRef: `mall:${taken.id}` }, now);
      await m.update(MallRedemption, { id: taken.id }, { memberCouponId: granted.coupon.id });
      return { ...taken, memberCouponId: granted.coupon.id };
    });
    return toRedemptionDto(r);
  }

  /**
   * Gives back the redemption of an order, once: `active → returned` by compare-and-set; only the
   * caller that flips it returns the unit, the holding and the points (the ledger's returnDebit,
   * itself keyed). Returns whether anything was given back.
   */
  async giveBackForOrder(m: EntityManager, orderId: number, now: Date): Promise<boolean> {
    const r = await m.findOneBy(MallRedemption, { orderId });
    if (!r) return false;
    const flipped = await m.createQueryBuilder().update(MallRedemption).set({ status: 'returned', returnedAt: now }).where('id = :id AND status = :from', { id: r.id, from: 'active' }).execute();
    if (!flipped.affected) return false;
    // Returning a unit cannot be refused (no lower bound to check); the holding never goes below zero.
    await m.createQueryBuilder().update(MallItem).set({ stock: () => 'stock + 1', redeemedCount: () => 'redeemed_count - 1', updatedAt: now }).where('id = :id', { id: r.itemId }).execute();
    await m.createQueryBuilder().update(MallHolding).set({ redeemed: () => 'redeemed - 1' }).where('item_id = :itemId AND member_id = :memberId AND redeemed >= 1', { itemId: r.itemId, memberId: r.memberId }).execute();
    await this.ledger.returnDebit(m, { key: debitKey(r.id), returnKey: returnKey(r.id), reason: `积分兑换取消：${r.title}`, now });
    return true;
  }

  /** 兑换记录, most recent first. */
  async history(memberId: number): Promise<RedemptionDto[]> {
    const rows = await this.ds.getRepository(MallRedemption).find({ where: { memberId }, order: { id: 'DESC' }, take: HISTORY_LIMIT });
    return rows.map(toRedemptionDto);
  }
}
