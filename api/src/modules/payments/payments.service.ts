/**
 * Paying an order: WeChat Pay JSAPI prepay (or the development shortcut), and the one path that
 * marks an order paid — used alike by the payment notification, the order query (reconcile, a
 * lost notification) and dev-pay. Calls to WeChat Pay always happen outside transactions.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { canFire } from '@common/order/state';
import type { OrderDetailDto, PayStartDto } from '@common/order/types';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { Logger } from '../../logger';
import { WeChatPayApiError, type WeChatPayClient, type WxTransaction } from '../../wechatpay/client';
import type { AuthService } from '../auth';
import { orderEventBase, type OrderFacts, type OrderReads, type OrderSnapshot, type OrderTransitions, type PlacedOrderRef } from '../orders';
import type { Outbox } from '../outbox';
import { Payment } from './payments.entities';
import type { RefundsService } from './refunds.service';

/** A payment result we refuse to apply (the notify route answers 4xx FAIL). */
export class PaymentRefused extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentRefused';
  }
}

export type MarkPaidResult = 'paid' | 'duplicate' | 'refund_started';

/** A payment as reported by a notification, the order query, dev pay or a zero-cash checkout. */
export interface PaidReport {
  outTradeNo: string;
  transactionId: string;
  amountFen: number;
  mode: Payment['mode'];
  actor: string;
  paidAt?: Date;
}

/** WeChat keeps a prepay_id for 2 hours; we ask for a new one a little before. */
const PREPAY_TTL_MS = 2 * 3600_000 - 10 * 60_000;

export interface PaymentsDeps {
  ds: DataSource;
  tx: Transactor;
  transitions: OrderTransitions;
  outbox: Outbox;
  log: Logger;
  reads: OrderReads;
  /** The order tables' ports (orders owns them). */
  orders: OrderFacts;
  /** Who the payer is (the auth module owns members). */
  members: Pick<AuthService, 'memberById'>;
  refunds: RefundsService;
  mode: 'wechat' | 'dev';
  wxpay: WeChatPayClient | null;
  now: () => Date;
}

export class PaymentsService {
  constructor(private readonly d: PaymentsDeps) {}

  get mode(): 'wechat' | 'dev' {
    return this.d.mode;
  }

  /** POST /api/orders/:id/pay: the caller's pending order → requestPayment params (or dev). */
  async start(memberId: number, orderId: number): Promise<PayStartDto> {
    const order = await this.payableOrder(memberId, orderId);
    if (this.d.mode === 'dev' || !this.d.wxpay) return { mode: 'dev' };
    const wxpay = this.d.wxpay;
    const now = this.d.now();
    const existing = await this.d.ds.manager.findOneBy(Payment, { orderId });
    if (existing?.prepayId && existing.prepayExpiresAt && new Date(existing.prepayExpiresAt).getTime() > now.getTime()) {
      return { mode: 'wechat', params: wxpay.requestPaymentParams(existing.prepayId, now) };
    }
    const member = await this.d.members.memberById(memberId);
    if (!member) throw new AppError('UNAUTHENTICATED');
    const [first] = await this.d.orders.lines(orderId);
    const description = first ? `${first.title}${order.itemCount > 1 ? ` 等${order.itemCount}件` : ''}` : `订单 ${order.orderNo}`;
    let prepayId: string;
    try {
      // Outside any transaction: a network call must never hold locks or be retried with one.
      prepayId = await wxpay.jsapiPrepay({
        description,
        outTradeNo: order.orderNo!,
        totalFen: order.payableFen,
        openid: member.openid,
        timeExpire: order.payDeadline ?? undefined,
      });
    } catch (err) {
      if (err instanceof WeChatPayApiError && err.wxCode === 'ORDERPAID') {
        await this.reconcile(orderId);
        throw new AppError('ORDER_STATE_CONFLICT', 'WeChat Pay says the order is already paid');
      }
      if (err instanceof WeChatPayApiError && err.wxCode === 'ORDER_CLOSED') throw new AppError('ORDER_PAY_EXPIRED');
      throw err;
    }
    const expires = new Date(Math.min(now.getTime() + PREPAY_TTL_MS, order.payDeadline ? new Date(order.payDeadline).getTime() : Infinity));
    await this.d.tx.run(async (m) => {
      const set = { prepayId, prepayExpiresAt: expires, amountFen: order.payableFen, updatedAt: now };
      // Keep a prepay only while unpaid: a notification may have attached a transaction already.
      const res = await m.createQueryBuilder().update(Payment).set(set).where('order_id = :orderId AND transaction_id IS NULL', { orderId }).execute();
      if (res.affected) return;
      try {
        await m.insert(Payment, { orderId, outTradeNo: order.orderNo!, mode: 'wechat', transactionId: null, paidAt: null, createdAt: now, ...set });
      } catch (err) {
        // A concurrent pay call inserted the row first (unique order_id): its prepay is as good.
        if (!isUniqueViolation(err)) throw err;
      }
    });
    return { mode: 'wechat', params: wxpay.requestPaymentParams(prepayId, now) };
  }

  /** POST /api/orders/:id/dev-pay (PAYMENT_MODE=dev only): paid at once, through markPaid. */
  async devPay(memberId: number, orderId: number): Promise<OrderDetailDto> {
    if (this.d.mode !== 'dev') throw new AppError('NOT_FOUND');
    const order = await this.payableOrder(memberId, orderId);
    const result = await this.markPaid({ outTradeNo: order.orderNo!, transactionId: `DEV${order.orderNo}`, amountFen: order.payableFen, mode: 'dev', actor: `shopper:${memberId}` });
    if (result !== 'paid') throw new AppError('ORDER_STATE_CONFLICT');
    return this.d.reads.orderDetail(orderId, memberId);
  }

  /**
   * The one way an order becomes paid. In one transaction: pending_payment → paid (CAS), the
   * transaction id attached to the payment row (unique key), OrderPaid in the outbox. A repeat
   * (same transaction id) changes nothing. A payment for an order cancelled meanwhile is recorded
   * and fully refunded, never resurrected.
   */
  async markPaid(p: PaidReport): Promise<MarkPaidResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.d.tx.run((m) => this.markPaidIn(m, p));
        if (result.refundId) await this.d.refunds.submit(result.refundId).catch((err) => this.d.log.warn({ err, refundId: result.refundId }, 'automatic refund not submitted yet; pollRefunds retries'));
        return result.outcome;
      } catch (err) {
        // Lost a race with a concurrent duplicate (CAS or unique key): read again; the next
        // round sees the winner's commit and answers "duplicate".
        const raced = (err instanceof AppError && err.code === 'ORDER_STATE_CONFLICT') || isUniqueViolation(err);
        if (!raced || attempt >= 3) throw err;
      }
    }
  }

  /**
   * A zero-cash order (points or coupons covered everything) is paid inside the transaction that
   * creates it, through the same Paid transition, payment row and OrderPaid event a notification
   * makes; WeChat Pay is never asked.
   */
  async payZeroCashIn(m: EntityManager, order: PlacedOrderRef): Promise<void> {
    const res = await this.markPaidIn(m, { outTradeNo: order.orderNo, transactionId: `ZERO${order.orderNo}`, amountFen: 0, mode: 'zero', actor: 'checkout:zero-cash' });
    if (res.outcome !== 'paid') throw new AppError('ORDER_STATE_CONFLICT', `zero-cash order ${order.id} was not payable`);
  }

  private async markPaidIn(m: EntityManager, p: PaidReport): Promise<{ outcome: MarkPaidResult; refundId?: number }> {
    const order = await this.d.orders.byNo(p.outTradeNo, m);
    if (!order) throw new PaymentRefused(404, `unknown out_trade_no ${p.outTradeNo}`);
    if (p.amountFen !== order.payableFen) throw new PaymentRefused(400, `amount ${p.amountFen} != payable ${order.payableFen}`);
    const now = this.d.now();
    const paidAt = p.paidAt ?? now;
    const payment = await m.findOneBy(Payment, { orderId: order.id });
    if (payment?.transactionId) {
      if (payment.transactionId === p.transactionId) return { outcome: 'duplicate' };
      throw new PaymentRefused(400, `order ${order.id} is already paid by another transaction`);
    }
    const attach = async () => {
      if (payment) {
        // Idempotency key: only the first result attaches (transaction_id IS NULL); the unique
        // key on transaction_id also stops one transaction from attaching to two orders.
        const res = await m
          .createQueryBuilder()
          .update(Payment)
          .set({ transactionId: p.transactionId, paidAt, updatedAt: now })
          .where('id = :id AND transaction_id IS NULL', { id: payment.id })
          .execute();
        if (res.affected !== 1) throw new AppError('ORDER_STATE_CONFLICT', 'payment attached concurrently');
      } else {
        await m.insert(Payment, { orderId: order.id, outTradeNo: p.outTradeNo, mode: p.mode, amountFen: p.amountFen, prepayId: null, prepayExpiresAt: null, transactionId: p.transactionId, paidAt, createdAt: now, updatedAt: now });
      }
    };
    if (canFire(order.kind, order.status, 'pay')) {
      // CAS on the unpaid status: of 16 concurrent duplicates exactly one gets here and commits.
      await this.d.transitions.apply(m, { order, event: 'pay', actor: p.actor, note: p.transactionId, set: { paidAt, payDeadline: null }, now });
      await attach();
      await this.d.outbox.enqueue(m, 'OrderPaid', order.id, {
        ...orderEventBase(order),
        payableFen: order.payableFen,
        transactionId: p.transactionId,
        paidAt: paidAt.toISOString(),
      });
      return { outcome: 'paid' };
    }
    if (order.status === 'cancelled') {
      // The shopper paid after the order was cancelled (timeout raced the payment): keep the
      // order cancelled (its stock is gone back), record the money and give it all back.
      await attach();
      const refundId = await this.d.refunds.createAutoRefund(m, order, '订单已取消，自动退款');
      this.d.log.warn({ orderId: order.id, transactionId: p.transactionId }, 'payment for a cancelled order: refunding in full');
      return { outcome: 'refund_started', refundId };
    }
    throw new PaymentRefused(400, `order ${order.id} is ${order.status}`);
  }

  /** Checks a WeChat transaction (notification or query) against our merchant and applies it. */
  async applyTransaction(tx: WxTransaction, actor: string): Promise<MarkPaidResult> {
    const wxpay = this.d.wxpay;
    if (!wxpay) throw new PaymentRefused(400, 'WeChat Pay is not enabled');
    if (tx.mchid !== wxpay.mchid) throw new PaymentRefused(400, `mchid ${tx.mchid} is not ours`);
    if (tx.appid !== wxpay.appid) throw new PaymentRefused(400, `appid ${tx.appid} is not ours`);
    if (tx.trade_state !== 'SUCCESS' && tx.trade_state !== 'REFUND') throw new PaymentRefused(400, `trade_state ${tx.trade_state}`);
    if (!tx.transaction_id || typeof tx.out_trade_no !== 'string' || !Number.isInteger(tx.amount?.total)) throw new PaymentRefused(400, 'transaction incomplete');
    const paidAt = tx.success_time ? new Date(tx.success_time) : undefined;
    return this.markPaid({ outTradeNo: tx.out_trade_no, transactionId: tx.transaction_id, amountFen: tx.amount!.total, mode: 'wechat', actor, paidAt: paidAt && !Number.isNaN(paidAt.getTime()) ? paidAt : undefined });
  }

  /**
   * Asks WeChat Pay about an order (a notification may be lost) and applies a payment it
   * reports. 'none': no WeChat order exists; 'unpaid': not paid (yet).
   */
  async reconcile(orderId: number): Promise<'paid' | 'unpaid' | 'none'> {
    const payment = await this.d.ds.manager.findOneBy(Payment, { orderId });
    if (payment?.transactionId) return 'paid';
    if (!payment || payment.mode !== 'wechat' || !this.d.wxpay) return 'none';
    const tx = await this.d.wxpay.queryByOutTradeNo(payment.outTradeNo);
    if (!tx) return 'none';
    if (tx.trade_state !== 'SUCCESS' && tx.trade_state !== 'REFUND') return 'unpaid';
    await this.applyTransaction(tx, 'wechatpay:query');
    return 'paid';
  }

  /** Closes the WeChat order before a timeout cancel; 'paid' (and applied) if it was paid. */
  async closeRemote(orderId: number): Promise<'closed' | 'paid' | 'none'> {
    const payment = await this.d.ds.manager.findOneBy(Payment, { orderId });
    if (payment?.transactionId) return 'paid';
    if (!payment || payment.mode !== 'wechat' || !payment.prepayId || !this.d.wxpay) return 'none';
    let closed: 'closed' | 'paid';
    try {
      closed = await this.d.wxpay.close(payment.outTradeNo);
    } catch (err) {
      if (err instanceof WeChatPayApiError && err.wxCode === 'ORDER_NOT_EXIST') return 'none';
      throw err;
    }
    if (closed === 'closed') return 'closed';
    return (await this.reconcile(orderId)) === 'paid' ? 'paid' : 'closed';
  }

  /** Settles refunds WeChat accepted but whose notification has not come (job). */
  pollRefunds(): Promise<number> {
    return this.d.refunds.pollRefunds();
  }

  private async payableOrder(memberId: number, orderId: number): Promise<OrderSnapshot> {
    const order = await this.d.orders.byId(orderId);
    if (!order || order.memberId !== memberId) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
    if (!canFire(order.kind, order.status, 'pay') || !order.orderNo) throw new AppError('ORDER_STATE_CONFLICT', `order ${orderId} is ${order.status}`);
    if (order.payDeadline && new Date(order.payDeadline).getTime() <= this.d.now().getTime()) throw new AppError('ORDER_PAY_EXPIRED');
    return order;
  }
}
