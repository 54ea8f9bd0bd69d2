/**
 * Refunds: requested by a shopper (before shipment) and approved or rejected by HQ, or issued by
 * HQ (wherever the order table allows `refund_request`, partial allowed). The order's CAS into
 * `refunding` allows one open refund at a time. A refund's own status moves only along the table
 * in common/order/refund-state.ts, through transitionRefund (CAS + refund_state_log row). WeChat
 * is called outside transactions with the refund's own out_refund_no, reused on every retry;
 * acceptance is not success: a REFUND.* notification or the refund query decides.
 */
import { In, type DataSource, type EntityManager } from 'typeorm';
import { OPEN_REFUND_STATUSES, REFUND_OPENINGS, WECHAT_REFUND_EVENTS, decideRefund } from '@common/order/refund-state';
import { beforeHandOver, canFire, statusesAllowing, type OrderKind, type OrderStatus } from '@common/order/state';
import type { RefundDto } from '@common/order/types';
import { fenToYuanString } from '@common/money';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { Logger } from '../../logger';
import { WeChatPayApiError, type RefundState, type WeChatPayClient, type WxRefund } from '../../wechatpay/client';
import { hookOrder, orderEventBase, type OrderFacts, type OrderSnapshot, type OrderTransitions } from '../orders';
import type { Outbox } from '../outbox';
import { Payment, Refund } from './payments.entities';
import { logRefundOpened, transitionRefund } from './refund-transitions';
import { toRefundDto } from './refunds.read';

/** Sent to WeChat Pay, outcome not known yet. */
const WAITING: Refund['status'][] = ['processing', 'abnormal'];

/** Where a refund may be opened: HQ wherever the table allows refund_request; a shopper only before shipment (or collection). */
function refundableFrom(kind: OrderKind, by: 'shopper' | 'hq'): OrderStatus[] {
  const all = statusesAllowing(kind, 'refund_request');
  return by === 'hq' ? all : all.filter((s) => beforeHandOver(kind, s));
}
/**
 * WeChat Pay refusals that no retry of the same request can turn into a refund. Everything else
 * (FREQUENCY_LIMITED, NOT_ENOUGH, NO_AUTH, SIGN_ERROR, SYSTEM_ERROR, …) is retried later.
 */
const DEFINITIVE_REFUSALS = new Set(['PARAM_ERROR', 'INVALID_REQUEST', 'RESOURCE_NOT_EXISTS', 'MCH_NOT_EXISTS', 'USER_ACCOUNT_ABNORMAL']);

export class RefundsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly transitions: OrderTransitions,
    /** The order tables' ports (orders owns them; refunds record their amount through it). */
    private readonly orders: OrderFacts,
    private readonly outbox: Outbox,
    private readonly log: Logger,
    private readonly wxpay: WeChatPayClient | null,
    private readonly now: () => Date,
  ) {}

  /** 申请退款: the shopper's paid order → refunding, refund `requested` (HQ decides). */
  async request(memberId: number, orderId: number, body: { reason: string; amountFen?: number }): Promise<RefundDto> {
    const id = await this.tx.run(async (m) => {
      const order = await this.orders.byId(orderId, m);
      if (!order || order.memberId !== memberId) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
      return this.open(m, order, refundableFrom(order.kind, 'shopper'), body.amountFen, body.reason, REFUND_OPENINGS.request, `shopper:${memberId}`);
    });
    return this.dto(id);
  }

  /** The orders of the refunds `refundIds` (a read port: other modules never read the refund table). */
  async orderIdsOf(refundIds: readonly number[]): Promise<number[]> {
    return refundIds.length ? (await this.ds.manager.findBy(Refund, { id: In([...refundIds]) })).map((r) => r.orderId) : [];
  }

  /** HQ: refund (part of) a paid or shipped order straight away. */
  async issue(adminId: number | null, orderId: number, body: { amountFen: number; reason: string }): Promise<RefundDto> {
    const id = await this.tx.run(async (m) => {
      const order = await this.orders.byId(orderId, m);
      if (!order) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
      return this.open(m, order, refundableFrom(order.kind, 'hq'), body.amountFen, body.reason, REFUND_OPENINGS.issue, `hq:${adminId ?? '?'}`);
    });
    await this.submit(id);
    return this.dto(id);
  }

  /** HQ approves a requested refund: processing, then the refund is sent to WeChat Pay. */
  async approve(refundId: number, adminId: number | null = null, amountFen?: number): Promise<RefundDto> {
    const r = await this.ds.manager.findOneBy(Refund, { id: refundId });
    if (!r) throw new AppError('REFUND_NOT_FOUND');
    // A partial approval: at most what was asked. The asked amount of a requested refund never
    // changes except by this CAS, so checking it against the row read here is safe.
    const partial = amountFen !== undefined && amountFen !== r.amountFen;
    if (partial && (r.status !== 'requested' || amountFen > r.amountFen)) {
      throw new AppError('VALIDATION_FAILED', `refund ${refundId}: ${amountFen} > ${r.amountFen}`, [{ field: 'amountFen', message: `不能超过申请金额 ${fenToYuanString(r.amountFen)} 元` }]);
    }
    // Approving a processing refund again re-submits it (same out_refund_no: WeChat dedups).
    if (r.status !== 'processing') {
      // CAS requested → processing (with the approved amount in the same UPDATE): an approve and
      // a reject racing cannot both win, and the amount changes only with the winning approval.
      const note = partial ? `部分同意：退 ${fenToYuanString(amountFen)} 元（申请 ${fenToYuanString(r.amountFen)} 元）` : undefined;
      await this.tx.run((m) => transitionRefund(m, { refundId, from: r.status, event: 'approve', actor: `hq:${adminId ?? '?'}`, now: this.now(), ...(partial ? { set: { amountFen }, note } : {}) }));
    }
    await this.submit(refundId, true);
    return this.dto(refundId);
  }

  /** HQ rejects a requested refund: the order goes back to where it was. */
  async reject(refundId: number, adminId: number | null, reason = ''): Promise<RefundDto> {
    await this.tx.run(async (m) => {
      const r = await m.findOneBy(Refund, { id: refundId });
      if (!r) throw new AppError('REFUND_NOT_FOUND');
      // CAS requested → rejected (the reason in its log row), then the order back out of refunding in the same transaction.
      await transitionRefund(m, { refundId, from: r.status, event: 'reject', actor: `hq:${adminId ?? '?'}`, now: this.now(), note: reason });
      const order = await this.mustOrder(m, r.orderId);
      await this.transitions.apply(m, { order, from: 'refunding', event: 'refund_close', to: r.returnStatus, actor: `hq:${adminId ?? '?'}`, note: '退款申请被拒绝', now: this.now() });
    });
    return this.dto(refundId);
  }

  /** Inside markPaid: a payment arrived for a cancelled order; refund all of it. */
  async createAutoRefund(m: EntityManager, order: OrderSnapshot, reason: string): Promise<number> {
    const refundNo = `${order.orderNo}R${(await m.countBy(Refund, { orderId: order.id })) + 1}`;
    const now = this.now();
    const status = REFUND_OPENINGS.issue;
    const ins = await m.insert(Refund, { refundNo, orderId: order.id, amountFen: order.payableFen, reason, status, returnStatus: order.status, requestedBy: 'wechatpay', wxRefundId: null, releasedAt: null, createdAt: now, updatedAt: now });
    const id = Number(ins.identifiers[0].id);
    await logRefundOpened(m, id, status, 'wechatpay', reason, now);
    return id;
  }

  /**
   * Sends a processing refund to WeChat Pay (or settles it at once for a dev payment). Network
   * trouble and WeChat's 4xx answers (429 FREQUENCY_LIMITED from a concurrent duplicate, 403
   * NOT_ENOUGH while the merchant balance is low, …) leave it processing: a retry or pollRefunds
   * sends the same out_refund_no again. Only a refusal that can never succeed, confirmed by a
   * query that finds no such refund at WeChat, ends it failed.
   */
  async submit(refundId: number, throwOnUnavailable = false): Promise<void> {
    const r = await this.ds.manager.findOneBy(Refund, { id: refundId });
    if (!r || r.status !== 'processing') return;
    const payment = await this.ds.manager.findOneBy(Payment, { orderId: r.orderId });
    if (!payment?.transactionId) throw new AppError('ORDER_STATE_CONFLICT', 'the order has no payment to refund');
    if (payment.mode === 'dev' || !this.wxpay) {
      await this.applyResult({ outRefundNo: r.refundNo, status: 'SUCCESS', refundFen: r.amountFen, wxRefundId: `DEV${r.refundNo}` });
      return;
    }
    try {
      const wx = await this.wxpay.refund({ outTradeNo: payment.outTradeNo, outRefundNo: r.refundNo, refundFen: r.amountFen, totalFen: payment.amountFen, reason: r.reason });
      await this.settle(r, wx);
    } catch (err) {
      if (err instanceof WeChatPayApiError && DEFINITIVE_REFUSALS.has(err.wxCode)) {
        // Refused for good, unless an earlier attempt got through: WeChat's own record decides.
        const known = await this.wxpay.queryRefund(r.refundNo).catch(() => undefined);
        if (known === null) {
          this.log.warn({ refundId, wxCode: err.wxCode }, 'WeChat Pay refused the refund and has no record of it');
          await this.applyResult({ outRefundNo: r.refundNo, status: 'CLOSED', refundFen: r.amountFen, wxRefundId: null });
          return;
        }
        if (known) {
          await this.settle(r, known);
          return;
        }
      }
      if (throwOnUnavailable) throw err;
      this.log.warn({ err, refundId }, 'refund not accepted by WeChat Pay yet; pollRefunds retries with the same out_refund_no');
    }
  }

  /** WeChat's record of a refund (refund or query answer): keep its id, apply a final status. */
  private async settle(r: Refund, wx: WxRefund): Promise<void> {
    if (wx.refund_id && wx.refund_id !== r.wxRefundId) {
      await this.tx.run((m) => m.update(Refund, { id: r.id }, { wxRefundId: wx.refund_id }));
    }
    if (wx.status !== 'PROCESSING') await this.applyResult({ outRefundNo: r.refundNo, status: wx.status, refundFen: wx.amount.refund, wxRefundId: wx.refund_id });
  }

  /**
   * The outcome of a refund (notification, query or dev), WeChat's word being the truth:
   * - SUCCESS: processing/abnormal/failed → succeeded, the order's refunded total (bounded by
   *   what was paid), its transition out of refunding, OrderRefunded;
   * - ABNORMAL (the money left the merchant, the payout to the shopper failed): processing →
   *   abnormal, the order stays refunding until SUCCESS or CLOSED follows;
   * - CLOSED: processing/abnormal → failed, the order back to where it was.
   * One transaction, compare-and-set on the refund's status: a repeat changes nothing. Answers
   * false for an unknown refund.
   */
  async applyResult(p: { outRefundNo: string; status: RefundState; refundFen: number; wxRefundId: string | null }): Promise<boolean> {
    if (p.status === 'PROCESSING') return true;
    // A lost compare-and-set whose refund still accepts this outcome (e.g. ABNORMAL committed
    // meanwhile under a SUCCESS) is tried again in a fresh transaction, which sees the new status.
    for (let attempt = 1; ; attempt++) {
      const res = await this.tx.run((m) => this.applyIn(m, p));
      if (res !== 'again') return res;
      if (attempt >= 3) throw new AppError('REFUND_STATE_CONFLICT', `refund ${p.outRefundNo} keeps changing`);
    }
  }

  private async applyIn(m: EntityManager, p: { outRefundNo: string; status: RefundState; refundFen: number; wxRefundId: string | null }): Promise<boolean | 'again'> {
    const r = await m.findOneBy(Refund, { refundNo: p.outRefundNo });
    if (!r) return false;
    if (p.refundFen !== r.amountFen) throw new AppError('REFUND_AMOUNT_INVALID', `refund ${p.refundFen} != ${r.amountFen}`);
    const event = WECHAT_REFUND_EVENTS[p.status as Exclude<RefundState, 'PROCESSING'>];
    if (!decideRefund(r.status, event).ok) return true; // already settled (or a stale report): nothing to do
    const now = this.now();
    let to: Refund['status'];
    try {
      // CAS on the status read: the notification and the poller may both report; one applies.
      to = await transitionRefund(m, { refundId: r.id, from: r.status, event, actor: 'wechatpay', note: p.status, set: { wxRefundId: p.wxRefundId ?? r.wxRefundId }, now });
    } catch (err) {
      if (err instanceof AppError && err.code === 'REFUND_STATE_CONFLICT') return 'again'; // nothing written yet
      throw err;
    }
    if (to === 'abnormal') return true; // still open: the order stays refunding
    const ok = to === 'succeeded';
    // A refund that had failed no longer holds the order's refunding (another refund may).
    const owned = r.status !== 'failed';
    const order = await this.mustOrder(m, r.orderId);
    if (ok) {
      // Orders records it, relative and bounded (never more than was paid), in this transaction.
      await this.orders.recordRefunded(m, order.id, r.amountFen, now);
    }
    const refunded = order.refundedFen + (ok ? r.amountFen : 0);
    const full = refunded >= order.payableFen;
    const note = `${r.refundNo} ${p.status}`;
    if (owned && order.status === 'refunding') {
      const event = ok && full ? 'refund_succeed' : 'refund_close';
      await this.transitions.apply(m, { order, from: 'refunding', event, to: event === 'refund_close' ? r.returnStatus : undefined, actor: 'wechatpay', note, now });
    } else if (!owned && ok && full && canFire(order.kind, order.status, 'refund_request')) {
      // A late SUCCESS emptied an order that had gone back to paid/shipped: it is refunded.
      await this.transitions.apply(m, { order, event: 'refund_request', actor: 'wechatpay', note, now });
      await this.transitions.apply(m, { order, from: 'refunding', event: 'refund_succeed', actor: 'wechatpay', note, now });
    }
    // A cancelled order refunded automatically earned nothing: no OrderRefunded to reverse.
    if (ok && order.status !== 'cancelled') {
      const refund = { refundNo: r.refundNo, amountFen: r.amountFen, fullyRefunded: full };
      // Once per refund, guarded by a compare-and-set on released_at: points, coupons and whatever
      // else checkout reserved come back in proportion, and other modules react.
      const stamp = await m.createQueryBuilder().update(Refund).set({ releasedAt: now }).where('id = :id AND released_at IS NULL', { id: r.id }).execute();
      if (stamp.affected === 1) await this.transitions.hooks.afterRefund({ m, order: hookOrder(order), refund, now });
      await this.outbox.enqueue(m, 'OrderRefunded', order.id, { ...orderEventBase(order), ...refund });
    }
    return true;
  }

  /**
   * Asks WeChat about open refunds (a REFUND notification may be lost); answers how many were
   * settled. A processing refund WeChat never got is sent again with the same out_refund_no.
   */
  async pollRefunds(limit = 50): Promise<number> {
    const rows = await this.ds.manager.find(Refund, { where: { status: In(WAITING) }, order: { id: 'ASC' }, take: limit });
    let settled = 0;
    for (const r of rows) {
      try {
        const wx = this.wxpay ? await this.wxpay.queryRefund(r.refundNo) : null;
        if (wx) await this.settle(r, wx);
        // WeChat never got it (the submit failed or was refused for now): same out_refund_no again.
        else if (r.status === 'processing') await this.submit(r.id);
        const after = await this.ds.manager.findOneBy(Refund, { id: r.id });
        if (after && !WAITING.includes(after.status)) settled++;
      } catch (err) {
        this.log.warn({ err, refundId: r.id }, 'refund poll failed; next round retries');
      }
    }
    return settled;
  }

  private async mustOrder(m: EntityManager, orderId: number): Promise<OrderSnapshot> {
    const order = await this.orders.byId(orderId, m);
    if (!order) throw new AppError('ORDER_NOT_FOUND', `order ${orderId}`);
    return order;
  }

  private async open(m: EntityManager, order: OrderSnapshot, from: OrderStatus[], amountFen: number | undefined, reason: string, status: Refund['status'], by: string): Promise<number> {
    if (order.status === 'refunding' || (await m.countBy(Refund, { orderId: order.id, status: In([...OPEN_REFUND_STATUSES]) }))) throw new AppError('REFUND_IN_PROGRESS');
    if (!from.includes(order.status)) throw new AppError('ORDER_STATE_CONFLICT', `order ${order.id} is ${order.status}`);
    const left = order.payableFen - order.refundedFen;
    const amount = amountFen ?? left;
    if (!Number.isInteger(amount) || amount <= 0 || amount > left) {
      throw new AppError('REFUND_AMOUNT_INVALID', `amount ${amount} of ${left}`, [{ field: 'amountFen', message: `须在 1 到 ${left} 分之间` }]);
    }
    const now = this.now();
    // CAS into refunding: the one open refund per order (a second request loses this race).
    await this.transitions.apply(m, { order, event: 'refund_request', actor: by, note: reason, now });
    // Unique out_refund_no, fixed once here and reused on every retry to WeChat.
    const refundNo = `${order.orderNo}R${(await m.countBy(Refund, { orderId: order.id })) + 1}`;
    const ins = await m.insert(Refund, { refundNo, orderId: order.id, amountFen: amount, reason, status, returnStatus: order.status, requestedBy: by, wxRefundId: null, releasedAt: null, createdAt: now, updatedAt: now });
    const id = Number(ins.identifiers[0].id);
    await logRefundOpened(m, id, status, by, reason, now);
    return id;
  }

  private async dto(id: number): Promise<RefundDto> {
    return toRefundDto(await this.ds.manager.findOneByOrFail(Refund, { id }));
  }
}
