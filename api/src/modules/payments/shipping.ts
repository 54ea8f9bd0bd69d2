/**
 * Trading mini-programs: WeChat holds the money until the shipping information is uploaded.
 * After an order ships (OrderShipped, after commit), or a pickup order is collected at its store
 * (OrderCompleted of kind pickup, as 用户自提), the outbox runs these handlers; a failure is
 * retried with backoff and shows up for HQ when stuck. Development payments have nothing to upload.
 *
 * express_company is the carrier code HQ chose (WeChat's delivery company id, see
 * common/order/carriers); for SF WeChat also wants the receiver's phone, masked.
 */
import type { DataSource } from 'typeorm';
import { maskPhone } from '@common/address/rules';
import { CARRIERS_NEEDING_CONTACT, isCarrierCode } from '@common/order/carriers';
import type { WeChatClient } from '../../wechat/client';
import type { AuthService } from '../auth';
import type { OrderFacts } from '../orders';
import type { Outbox } from '../outbox';
import { Payment } from './payments.entities';

const SHIPPING_HANDLER = 'wechat.upload-shipping';

/**
 * The phone as WeChat wants it in contact.receiver_contact: masked, the last 4 digits in clear
 * (138****0000, 010-****5678). maskPhone leaves landlines whole, so they are masked here.
 */
export function receiverContact(phone: string): string {
  const masked = maskPhone(phone);
  if (masked.includes('*')) return masked;
  const landline = /^(0\d{2,3}-?)(\d+)(\d{4})$/.exec(phone);
  if (landline) return `${landline[1]}${'*'.repeat(landline[2].length)}${landline[3]}`;
  return phone.replace(/\d(?=(?:\D*\d){4})/g, '*');
}

export function subscribeShippingUpload(
  outbox: Outbox,
  ds: DataSource,
  wechat: WeChatClient,
  now: () => Date,
  ports: { orders: OrderFacts; members: Pick<AuthService, 'memberById'> },
): void {
  /** What every upload names: the WeChat Pay transaction, the payer, the goods; null for a development payment. */
  const common = async (e: { orderId: number; orderNo: string; memberId: number }) => {
    const payment = await ds.manager.findOneBy(Payment, { orderId: e.orderId });
    if (!payment || payment.mode !== 'wechat' || !payment.transactionId) return null;
    const member = await ports.members.memberById(e.memberId);
    if (!member) throw new Error(`member ${e.memberId} of order ${e.orderId} is gone`);
    const lines = await ports.orders.lines(e.orderId);
    const itemDesc = lines.map((l) => `${l.title}*${l.quantity}`).join(' ').slice(0, 120) || e.orderNo;
    return { transactionId: payment.transactionId, openid: member.openid, itemDesc, uploadTime: now() };
  };
  outbox.subscribe('OrderShipped', SHIPPING_HANDLER, async (e) => {
    const base = await common(e);
    if (!base) return;
    let contact: string | undefined;
    if (isCarrierCode(e.carrier) && CARRIERS_NEEDING_CONTACT.includes(e.carrier)) {
      const order = await ports.orders.byId(e.orderId);
      if (!order?.address) throw new Error(`order ${e.orderId} is gone or has no address`);
      contact = receiverContact(order.address.phone);
    }
    await wechat.uploadShippingInfo({ ...base, trackingNo: e.trackingNo, expressCompany: e.carrier, receiverContact: contact });
  });
  // 到店自提: nothing ships; the goods are handed over when the store collects the order
  // (OrderCompleted of a pickup order), uploaded as logistics_type 4 (用户自提).
  outbox.subscribe('OrderCompleted', `${SHIPPING_HANDLER}.pickup`, async (e) => {
    if (e.kind !== 'pickup') return;
    const base = await common(e);
    if (base) await wechat.uploadShippingInfo({ ...base, logisticsType: 4 });
  });
}
