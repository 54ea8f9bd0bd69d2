/**
 * Trading mini-programs: WeChat holds the money until the shipping information is uploaded.
 * After an order ships (OrderShipped, after commit) the outbox runs this handler; a failure is
 * retried with backoff and shows up for HQ when stuck. Development payments have nothing to upload.
 */
import type { DataSource } from 'typeorm';
import type { WeChatClient } from '../../wechat/client';
import { Member } from '../auth/auth.entities';
import { OrderLine } from '../orders/orders.entities';
import type { Outbox } from '../outbox/outbox';
import { Payment } from './payments.entities';

export const SHIPPING_HANDLER = 'wechat.upload-shipping';

export function subscribeShippingUpload(outbox: Outbox, ds: DataSource, wechat: WeChatClient, now: () => Date): void {
  outbox.subscribe('OrderShipped', SHIPPING_HANDLER, async (e) => {
    const payment = await ds.manager.findOneBy(Payment, { orderId: e.orderId });
    if (!payment || payment.mode !== 'wechat' || !payment.transactionId) return;
    const member = await ds.manager.findOneBy(Member, { id: e.memberId });
    if (!member) throw new Error(`member ${e.memberId} of order ${e.orderId} is gone`);
    const lines = await ds.manager.find(OrderLine, { where: { orderId: e.orderId }, order: { id: 'ASC' } });
    const itemDesc = lines.map((l) => `${l.title}*${l.quantity}`).join(' ').slice(0, 120) || e.orderNo;
    await wechat.uploadShippingInfo({
      transactionId: payment.transactionId,
      openid: member.openid,
      trackingNo: e.trackingNo,
      expressCompany: e.carrier,
      itemDesc,
      uploadTime: now(),
    });
  });
}
