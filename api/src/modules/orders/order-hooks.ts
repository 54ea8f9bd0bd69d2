/**
 * Transition hooks: work another module attaches to an order transition, per order kind and
 * event, without the lifecycle, payment or refund code naming it. A hook runs inside the
 * transaction of the compare-and-set that made the transition, right after it (so only the one
 * caller that won the race runs it, exactly once per transition); it may write its own tables
 * by conditional SQL and enqueue outbox events, which are delivered after commit. It never calls
 * an external service (the transaction may be retried).
 *
 * A second hook point, `refunded`, runs inside the transaction that records a successful refund
 * (full or partial), with the refund's figures.
 */
import type { EntityManager } from 'typeorm';
import type { OrderEvent, OrderKind, OrderStatus } from '@common/order/state';
import type { PlacedOrderRef } from './checkout/contributor';

/** The order as the transition saw it (before the change), plus the change. */
export interface TransitionHookContext {
  m: EntityManager;
  order: PlacedOrderRef & { refundedFen: number };
  from: OrderStatus;
  to: OrderStatus;
  event: OrderEvent;
  actor: string;
  now: Date;
}

export interface RefundHookContext {
  m: EntityManager;
  order: TransitionHookContext['order'];
  refund: { refundNo: string; amountFen: number; fullyRefunded: boolean };
  now: Date;
}

export interface TransitionHook {
  name: string;
  /** The kinds it applies to; omitted = every kind. */
  kinds?: readonly OrderKind[];
  /** The events it runs on. */
  events: readonly OrderEvent[];
  run(ctx: TransitionHookContext): Promise<void>;
}

export interface RefundHook {
  name: string;
  kinds?: readonly OrderKind[];
  run(ctx: RefundHookContext): Promise<void>;
}

export class OrderHooks {
  private readonly transitions: TransitionHook[] = [];
  private readonly refunds: RefundHook[] = [];

  onTransition(hook: TransitionHook): this {
    this.transitions.push(hook);
    return this;
  }

  onRefunded(hook: RefundHook): this {
    this.refunds.push(hook);
    return this;
  }

  /** Called by OrderTransitions.apply() inside the CAS transaction; hooks run in registration order. */
  async afterTransition(ctx: TransitionHookContext): Promise<void> {
    for (const h of this.transitions) {
      if (h.events.includes(ctx.event) && (!h.kinds || h.kinds.includes(ctx.order.kind))) await h.run(ctx);
    }
  }

  /** Called by the refunds module inside the transaction that records a successful refund. */
  async afterRefund(ctx: RefundHookContext): Promise<void> {
    for (const h of this.refunds) {
      if (!h.kinds || h.kinds.includes(ctx.order.kind)) await h.run(ctx);
    }
  }
}
