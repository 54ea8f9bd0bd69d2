/** Read side of refunds, used by the order detail. */
import type { DataSource, EntityManager } from 'typeorm';
import type { RefundDto } from '@common/order/types';
import { Refund } from './payments.entities';

export function toRefundDto(r: Refund): RefundDto {
  return {
    id: r.id,
    refundNo: r.refundNo,
    amountFen: r.amountFen,
    reason: r.reason,
    status: r.status,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

/** Every refund of an order, oldest first. */
export async function refundsOfOrder(ds: DataSource | EntityManager, orderId: number): Promise<RefundDto[]> {
  const m = 'manager' in ds ? ds.manager : ds;
  const rows = await m.find(Refund, { where: { orderId }, order: { id: 'ASC' } });
  return rows.map(toRefundDto);
}
