/**
 * A member's coupons: 我的优惠券 reads, the options 确认订单 shows, and every status change as a
 * compare-and-set on the status table of common/coupon/state.ts (`WHERE status = <from>`, affected
 * rows checked), so a coupon is locked by one order at most and returned at most once.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { checkCoupon, pickBest, type CouponLine } from '@common/coupon/rules';
import { couponTab, nextCouponStatus, type CouponTabKey, type MemberCouponEvent, type MemberCouponStatus } from '@common/coupon/state';
import type { CouponCheckoutNote, MemberCouponDto } from '@common/coupon/types';
import { errorMessage } from '@common/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { CouponTemplate, MemberCoupon } from './coupons.entities';
import { termsOf, toMemberCouponDto } from './coupons.mappers';
import { ensureStoreCodes } from './store-coupons';

/** Most coupons one member may hold at once that 我的优惠券 lists (far above any real wallet). */
const WALLET_LIMIT = 500;

/** from-status and to-status of an event, asked of the table (throws on a missing edge: a bug). */
function edge(event: MemberCouponEvent, from: MemberCouponStatus): MemberCouponStatus {
  const to = nextCouponStatus(from, event);
  if (!to) throw new Error(`coupon table has no ${event} from ${from}`);
  return to;
}

export class CouponWallet {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
  ) {}

  private async withTemplates(rows: MemberCoupon[], m: EntityManager = this.ds.manager): Promise<MemberCouponDto[]> {
    const ids = [...new Set(rows.map((r) => r.templateId))];
    const templates = ids.length ? await m.findBy(CouponTemplate, { id: In(ids) }) : [];
    const byId = new Map(templates.map((t) => [t.id, t]));
    return rows.map((r) => toMemberCouponDto(r, byId.get(r.templateId)!));
  }

  /** 我的优惠券, one tab: 可用 soonest-expiring first; the others most recent first. */
  async list(memberId: number, tab: CouponTabKey, now: Date): Promise<MemberCouponDto[]> {
    const rows = await this.ds.getRepository(MemberCoupon).find({ where: { memberId }, order: { validTo: 'ASC', id: 'ASC' }, take: WALLET_LIMIT });
    const mine = rows.filter((r) => couponTab(r.status, r.validTo, now) === tab);
    if (tab !== 'usable') mine.reverse();
    // First display of an in-store coupon: it gets the code the cashier scans.
    else await ensureStoreCodes(this.ds, this.tx, mine, now);
    return this.withTemplates(mine);
  }

  /** HQ's member detail: every coupon the member holds or held, most recent first (never a store code: it is the member's to show). */
  async allOf(memberId: number): Promise<MemberCouponDto[]> {
    const dtos = await this.withTemplates(await this.ds.getRepository(MemberCoupon).find({ where: { memberId }, order: { id: 'DESC' }, take: WALLET_LIMIT }));
    return dtos.map((d) => ({ ...d, storeCode: null }));
  }

  /** One of the member's own coupons; anyone else's is "not found". */
  async own(memberId: number, couponId: number, m: EntityManager = this.ds.manager): Promise<MemberCouponDto> {
    const row = await m.findOneBy(MemberCoupon, { id: couponId, memberId });
    if (!row) throw new AppError('COUPON_NOT_FOUND', `coupon ${couponId}`);
    return (await this.withTemplates([row], m))[0];
  }

  /**
   * 确认订单: every unused coupon of the member against these lines, usable or with its reason,
   * and the best one. `lines` are priced after the member discount.
   */
  async options(memberId: number, lines: readonly CouponLine[], ctx: { now: Date; isFirstOrder: boolean }, chosenId: number | null): Promise<CouponCheckoutNote> {
    const rows = await this.ds.getRepository(MemberCoupon).find({ where: { memberId, status: 'unused' }, order: { validTo: 'ASC', id: 'ASC' }, take: WALLET_LIMIT });
    const dtos = await this.withTemplates(rows);
    const checked = dtos.map((coupon, i) => ({ id: coupon.id, validTo: rows[i].validTo, coupon, check: checkCoupon({ ...coupon, validFrom: rows[i].validFrom, validTo: rows[i].validTo }, lines, ctx) }));
    const best = pickBest(checked);
    const options = checked.map(({ coupon, check }) => ({
      coupon,
      usable: check.ok && check.amountFen > 0,
      amountFen: check.ok ? check.amountFen : 0,
      reasonCode: check.ok ? null : check.code,
      reason: check.ok ? null : errorMessage(check.code),
    }));
    // Usable first (largest discount first), then the others.
    options.sort((a, b) => Number(b.usable) - Number(a.usable) || b.amountFen - a.amountFen);
    return { options, bestId: best?.id ?? null, chosenId };
  }

  /** Checks one chosen coupon for checkout: the member's own, and usable on these lines (else its reason). */
  async checkChosen(memberId: number, couponId: number, lines: readonly CouponLine[], ctx: { now: Date; isFirstOrder: boolean }) {
    const row = await this.ds.getRepository(MemberCoupon).findOneBy({ id: couponId, memberId });
    if (!row) throw new AppError('COUPON_NOT_FOUND', `coupon ${couponId}`);
    const t = await this.ds.getRepository(CouponTemplate).findOneByOrFail({ id: row.templateId });
    const check = checkCoupon({ ...termsOf(t), status: row.status, validFrom: row.validFrom, validTo: row.validTo }, lines, ctx);
    if (!check.ok) throw new AppError(check.code, `coupon ${couponId}`);
    return { check, label: `${t.name}` };
  }

  /**
   * unused → locked for `orderId`, in the order transaction. Why conditional: the same coupon in
   * two parallel checkouts; only the one whose UPDATE matches `status = 'unused'` gets it, and
   * the window is re-checked in the WHERE so a coupon that expired since the quote is refused.
   */
  async lock(m: EntityManager, memberId: number, couponId: number, orderId: number, now: Date): Promise<void> {
    const res = await m
      .createQueryBuilder()
      .update(MemberCoupon)
      .set({ status: edge('lock', 'unused'), orderId, updatedAt: now })
      .where('id = :couponId AND member_id = :memberId AND status = :from AND valid_from <= :now AND valid_to >= :now', { couponId, memberId, from: 'unused', now })
      .execute();
    if (!res.affected) throw new AppError('COUPON_NOT_USABLE', `coupon ${couponId}`);
  }

  /** locked → used when the order is paid (a transition hook). Returns whether a coupon moved. */
  consume(m: EntityManager, orderId: number, now: Date): Promise<boolean> {
    return this.moveByOrder(m, orderId, 'consume', 'locked', { usedAt: now, updatedAt: now });
  }

  /** locked → unused when the unpaid order is cancelled or times out. */
  unlock(m: EntityManager, orderId: number, now: Date): Promise<boolean> {
    return this.moveByOrder(m, orderId, 'unlock', 'locked', { orderId: null, updatedAt: now });
  }

  /** used → unused after a full refund, only while the coupon is still in its window. */
  restore(m: EntityManager, orderId: number, now: Date): Promise<boolean> {
    return this.moveByOrder(m, orderId, 'restore', 'used', { orderId: null, usedAt: null, updatedAt: now }, now);
  }

  /** unused → expired for every coupon past its window (the expiry job). */
  async expireDue(m: EntityManager, now: Date): Promise<number> {
    const res = await m
      .createQueryBuilder()
      .update(MemberCoupon)
      .set({ status: edge('expire', 'unused'), updatedAt: now })
      .where('status = :from AND valid_to < :now', { from: 'unused', now })
      .execute();
    return res.affected ?? 0;
  }

  // Why compare-and-set on the from-status: a cancel and a payment of one order can race; the
  // order's own CAS decides which runs, and this WHERE makes a replay a no-op.
  private async moveByOrder(m: EntityManager, orderId: number, event: MemberCouponEvent, from: MemberCouponStatus, set: Partial<MemberCoupon>, validAt?: Date): Promise<boolean> {
    const qb = m
      .createQueryBuilder()
      .update(MemberCoupon)
      .set({ ...set, status: edge(event, from) })
      .where('order_id = :orderId AND status = :from', { orderId, from });
    if (validAt) qb.andWhere('valid_to >= :validAt', { validAt });
    const res = await qb.execute();
    return !!res.affected;
  }
}
