/**
 * HQ's reads of payments and refunds: 退款审核 (refunds by status, newest first, on
 * idx_refund_status_created) and an order's payment with its refunds' state logs (订单详情).
 * Order numbers come from the orders module through the lookup it is given, never its table.
 */
import { In, type DataSource } from 'typeorm';
import type { HqOrderPaymentsDto, HqRefundDto, RefundStatus } from '@common/order/types';
import type { Page } from '@common/paging';
import { AppError } from '../../http/app-error';
import { Payment, Refund, RefundStateLog } from './payments.entities';
import { toRefundDto } from './refunds.read';

/** Order numbers by order id (the orders module's read port). */
export type OrderNumbers = (orderIds: readonly number[]) => Promise<Map<number, string>>;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export class PaymentsHqReads {
  constructor(
    private readonly ds: DataSource,
    private readonly orderNumbers: OrderNumbers,
  ) {}

  async refunds(q: { status?: RefundStatus; page: number; pageSize: number }): Promise<Page<HqRefundDto>> {
    const [rows, total] = await this.ds.getRepository(Refund).findAndCount({
      where: q.status ? { status: q.status } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const numbers = await this.orderNumbers([...new Set(rows.map((r) => r.orderId))]);
    const items = rows.map((r) => ({ ...toRefundDto(r), orderId: r.orderId, orderNo: numbers.get(r.orderId) ?? '' }));
    return { items, page: q.page, pageSize: q.pageSize, total, hasMore: q.page * q.pageSize < total };
  }

  async ofOrder(orderId: number): Promise<HqOrderPaymentsDto> {
    if (!(await this.orderNumbers([orderId])).has(orderId)) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
    const m = this.ds.manager;
    const [payment, refunds] = await Promise.all([m.findOneBy(Payment, { orderId }), m.find(Refund, { where: { orderId }, select: { id: true } })]);
    const logs = refunds.length ? await m.find(RefundStateLog, { where: { refundId: In(refunds.map((r) => r.id)) }, order: { id: 'ASC' } }) : [];
    return {
      payment: payment
        ? { outTradeNo: payment.outTradeNo, mode: payment.mode, amountFen: payment.amountFen, transactionId: payment.transactionId, paidAt: iso(payment.paidAt), createdAt: new Date(payment.createdAt).toISOString() }
        : null,
      refundLogs: logs.map((l) => ({ refundId: l.refundId, fromStatus: l.fromStatus, toStatus: l.toStatus, event: l.event, actor: l.actor, note: l.note, createdAt: new Date(l.createdAt).toISOString() })),
    };
  }
}
