/** Order reads and DTO mapping: shopper lists by tab, HQ lists by status, order detail. */
import { In, type DataSource, type EntityManager } from 'typeorm';
import { carrierName } from '@common/order/carriers';
import { ORDER_TABS, type OrderStatus } from '@common/order/state';
import type { HqOrderFilter, OrderDetailDto, OrderLineDto, OrderSummaryDto, RefundDto, StateLogEntryDto } from '@common/order/types';
import type { Page } from '@common/paging';
import { cappedCount, inIdOrder, pageIds, pageTotals } from '../../db/counted-page';
import { AppError } from '../../http/app-error';
import { OrderLine, OrderStateLog, ShopOrder } from './orders.entities';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toLineDto = (l: OrderLine): OrderLineDto => ({
  skuId: l.skuId,
  productId: l.productId,
  title: l.title,
  specLabel: l.specLabel,
  image: l.image,
  unitPriceFen: l.unitPriceFen,
  quantity: l.quantity,
  subtotalFen: l.subtotalFen,
  discountFen: l.discountFen,
  payableFen: l.payableFen,
});

function toSummaryDto(o: ShopOrder, lines: OrderLine[]): OrderSummaryDto {
  return {
    id: o.id,
    orderNo: o.orderNo ?? '',
    kind: o.kind,
    status: o.status,
    payableFen: o.payableFen,
    itemCount: o.itemCount,
    lines: lines.map(toLineDto),
    createdAt: o.createdAt.toISOString(),
    payDeadline: o.status === 'pending_payment' ? iso(o.payDeadline) : null,
  };
}

export function toDetailDto(o: ShopOrder, lines: Pick<OrderLine, keyof OrderLineDto>[], refunds: RefundDto[]): OrderDetailDto {
  return {
    ...toSummaryDto(o, lines as OrderLine[]),
    goodsFen: o.goodsFen,
    discountFen: o.discountFen,
    freightFen: o.freightFen,
    refundedFen: o.refundedFen,
    adjustments: o.adjustments,
    address: o.address,
    remark: o.remark,
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    completedAt: iso(o.completedAt),
    cancelledAt: iso(o.cancelledAt),
    cancelReason: o.cancelReason,
    shipping: o.carrier && o.trackingNo ? { carrier: o.carrier, carrierName: carrierName(o.carrier), trackingNo: o.trackingNo } : null,
    refunds,
  };
}

/** 00:00 Beijing time of `day` (YYYY-MM-DD) plus `addDays`, as the UTC instant. */
export function beijingDayStart(day: string, addDays: number): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + addDays * 86_400_000);
}

export interface ListQuery {
  page: number;
  pageSize: number;
}

export class OrderReads {
  constructor(
    private readonly ds: DataSource,
    /** An order's refunds (the payments module's, through its port); none until it connects. */
    private readonly refundsOf: (orderId: number) => Promise<RefundDto[]> = async () => [],
  ) {}

  /**
   * The order as its owner (memberId) or HQ (null) sees it. Someone else's order is a 404, the
   * same answer as an id that never existed; so is, for a store manager (`guideIds`), an order
   * not attributed to one of their store's guides.
   */
  async orderDetail(orderId: number, memberId: number | null, m: EntityManager = this.ds.manager, guideIds: number[] | null = null): Promise<OrderDetailDto> {
    const o = await m.findOneBy(ShopOrder, { id: orderId });
    const outOfScope = guideIds !== null && (o?.guideId == null || !guideIds.includes(o.guideId));
    if (!o || outOfScope || (memberId !== null && o.memberId !== memberId)) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
    const [lines, refunds] = await Promise.all([
      m.find(OrderLine, { where: { orderId }, order: { id: 'ASC' } }),
      this.refundsOf(orderId),
    ]);
    return toDetailDto(o, lines, refunds);
  }

  /** The order row if `memberId` owns it (null: HQ, any order); otherwise ORDER_NOT_FOUND. */
  async requireOrder(orderId: number, memberId: number | null): Promise<ShopOrder> {
    const o = await this.ds.manager.findOneBy(ShopOrder, { id: orderId });
    if (!o || (memberId !== null && o.memberId !== memberId)) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
    return o;
  }

  /** 订单列表: one shopper's orders in a tab, newest first. */
  listForShopper(memberId: number, tab: string, q: ListQuery): Promise<Page<OrderSummaryDto>> {
    const statuses = ORDER_TABS.find((t) => t.key === tab)?.statuses ?? [];
    return this.list({ memberId, statuses: [...statuses] }, q);
  }

  /**
   * HQ: every order newest first, narrowed by any of the filters (each one an index's leading
   * column; migration 1796150000000). Dates are Beijing days: [from 00:00, to+1 00:00) in +08:00.
   * `guideIds`: a store manager's scope (only these guides' orders); null for HQ-wide callers.
   */
  listForHq(f: HqOrderFilter, q: ListQuery, guideIds: number[] | null = null): Promise<Page<OrderSummaryDto>> {
    return this.list({ memberId: null, statuses: f.status ? [f.status] : [], kind: f.kind, orderNo: f.orderNo, phone: f.phone, from: f.from, to: f.to, guideIds }, q);
  }

  /** HQ: one member's orders, every status, newest first (the member detail page). */
  listForMember(memberId: number, q: ListQuery): Promise<Page<OrderSummaryDto>> {
    return this.list({ memberId, statuses: [] }, q);
  }

  /** 状态记录: the order's transitions, oldest first; out of a store manager's scope, a 404. */
  async stateLog(orderId: number, guideIds: number[] | null = null): Promise<StateLogEntryDto[]> {
    const o = await this.requireOrder(orderId, null);
    if (guideIds !== null && (o.guideId == null || !guideIds.includes(o.guideId))) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
    const rows = await this.ds.manager.find(OrderStateLog, { where: { orderId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ fromStatus: r.fromStatus, toStatus: r.toStatus, event: r.event, actor: r.actor, note: r.note, createdAt: r.createdAt.toISOString() }));
  }

  private async list(f: { memberId: number | null; statuses: OrderStatus[]; guideIds?: number[] | null } & Omit<HqOrderFilter, 'status'>, q: ListQuery): Promise<Page<OrderSummaryDto>> {
    const qb = this.ds.getRepository(ShopOrder).createQueryBuilder('o');
    if (f.memberId !== null) qb.andWhere('o.memberId = :memberId', { memberId: f.memberId });
    if (f.statuses.length) qb.andWhere('o.status IN (:...statuses)', { statuses: f.statuses });
    // A store with no guides sees nothing (an empty IN list would be invalid SQL).
    if (f.guideIds) qb.andWhere(f.guideIds.length ? 'o.guideId IN (:...guideIds)' : '1 = 0', { guideIds: f.guideIds });
    if (f.kind) qb.andWhere('o.kind = :kind', { kind: f.kind });
    if (f.orderNo) qb.andWhere('o.orderNo = :orderNo', { orderNo: f.orderNo });
    if (f.phone) qb.andWhere('o.receiverPhone = :phone', { phone: f.phone });
    if (f.from) qb.andWhere('o.createdAt >= :from', { from: beijingDayStart(f.from, 0) });
    if (f.to) qb.andWhere('o.createdAt < :to', { to: beijingDayStart(f.to, 1) });
    qb.orderBy('o.createdAt', 'DESC').addOrderBy('o.id', 'DESC');
    // Ids first (a covering index walk, cheap however deep the page), then those rows; the total
    // counted up to a cap (counted-page.ts): a million orders are never counted per request.
    const [{ ids, hasMore }, count] = await Promise.all([pageIds(qb, 'o.id', q.page, q.pageSize), cappedCount(qb)]);
    const [orders, lines] = ids.length
      ? await Promise.all([
          this.ds.manager.findBy(ShopOrder, { id: In(ids) }),
          this.ds.manager.find(OrderLine, { where: { orderId: In(ids) }, order: { id: 'ASC' } }),
        ])
      : [[], []];
    const byOrder = new Map<number, OrderLine[]>();
    for (const l of lines) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
    return {
      items: inIdOrder(ids, orders).map((o) => toSummaryDto(o, byOrder.get(o.id) ?? [])),
      page: q.page,
      pageSize: q.pageSize,
      ...pageTotals(count, q.page, q.pageSize, ids.length, hasMore),
    };
  }
}
