/**
 * Read port of the member coupons for other modules: what one push batch of a template did, copies
 * received and used, and the orders that used them (insight's segment pushes); copies issued in a
 * time range (the insight metrics).
 */
import { Between, type DataSource } from 'typeorm';
import { MemberCoupon } from './coupons.entities';

export class CouponBatchReads {
  constructor(private readonly ds: DataSource) {}

  /** The batch is named as CouponGrants.push names it (`push:<batchKey>`). */
  async pushBatch(templateId: number, batchKey: string): Promise<{ received: number; used: number; orderIds: number[] }> {
    const sourceRef = `push:${batchKey}`;
    const received = await this.ds.manager.countBy(MemberCoupon, { templateId, source: 'push', sourceRef });
    const usedRows = await this.ds.manager.find(MemberCoupon, { where: { templateId, source: 'push', sourceRef, status: 'used' }, select: { id: true, orderId: true } });
    return { received, used: usedRows.length, orderIds: usedRows.flatMap((r) => (r.orderId ? [r.orderId] : [])) };
  }

  /** Copies received in [from, to), any source (by the received_at index). */
  async issuedBetween(from: Date, to: Date): Promise<number> {
    return this.ds.manager.countBy(MemberCoupon, { receivedAt: Between(from, new Date(to.getTime() - 1)) });
  }
}
