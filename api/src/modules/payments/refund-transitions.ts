/**
 * The one way a refund changes status: ask the table in common/order/refund-state.ts, then a
 * compare-and-set UPDATE on the status the caller read, then a refund_state_log row, all inside
 * the caller's transaction. An approve racing a reject, or a REFUND notification racing the
 * poller, sees zero affected rows on the losing side and gets REFUND_STATE_CONFLICT.
 */
import type { EntityManager } from 'typeorm';
import { decideRefund, type RefundEvent, type RefundStatus } from '@common/order/refund-state';
import { AppError } from '../../http/app-error';
import { Refund, RefundStateLog } from './payments.entities';

export interface RefundTransition {
  refundId: number;
  from: RefundStatus;
  event: RefundEvent;
  /** 'shopper:12', 'hq:3', 'wechatpay'. */
  actor: string;
  note?: string;
  /** Columns to set together with the status (wxRefundId; amountFen for a partial approval). */
  set?: Partial<Pick<Refund, 'wxRefundId' | 'amountFen'>>;
  now: Date;
}

/** Moves the refund or throws REFUND_STATE_CONFLICT; returns the new status. */
export async function transitionRefund(m: EntityManager, t: RefundTransition): Promise<RefundStatus> {
  const decision = decideRefund(t.from, t.event);
  if (!decision.ok) throw new AppError(decision.code, `refund ${t.refundId}: ${decision.detail}`);
  // Compare-and-set: affected rows = 1 only for the one caller that found the refund still in `from`.
  const res = await m
    .createQueryBuilder()
    .update(Refund)
    .set({ ...t.set, status: decision.to, updatedAt: t.now })
    .where('id = :id AND status = :from', { id: t.refundId, from: t.from })
    .execute();
  if (res.affected !== 1) throw new AppError('REFUND_STATE_CONFLICT', `refund ${t.refundId} is no longer ${t.from}`);
  await logRefund(m, { refundId: t.refundId, from: t.from, to: decision.to, event: t.event, actor: t.actor, note: t.note, now: t.now });
  return decision.to;
}

/** The first log row of a refund, written in the transaction that inserts it (from nothing). */
export function logRefundOpened(m: EntityManager, refundId: number, status: RefundStatus, actor: string, note: string, now: Date): Promise<unknown> {
  return logRefund(m, { refundId, from: null, to: status, event: 'open', actor, note, now });
}

function logRefund(m: EntityManager, r: { refundId: number; from: RefundStatus | null; to: RefundStatus; event: string; actor: string; note?: string; now: Date }): Promise<unknown> {
  return m.insert(RefundStateLog, {
    refundId: r.refundId,
    fromStatus: r.from,
    toStatus: r.to,
    event: r.event,
    actor: r.actor.slice(0, 40),
    note: (r.note ?? '').slice(0, 120),
    createdAt: r.now,
  });
}
