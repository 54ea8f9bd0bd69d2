/**
 * Public entry of the orders module: its definition, the extension points every feature plugs
 * into (checkout contributors, transition hooks, transitions), the order events, and the read
 * and write ports of the order tables (OrderFacts), which no other module touches directly.
 */
export { ordersModule } from './orders.module';
export {
  RANK,
  CheckoutContributors,
  draftPricingLines,
  priceBefore,
  type CheckoutBodyCore,
  type CheckoutContributor,
  type CheckoutDraft,
  type DraftLine,
  type LineProduct,
  type LineSku,
  type LineSource,
  type MemberReadPart,
  type MemberRow,
  type PlacedOrderRef,
  type ReleaseContext,
  type ReserveContext,
} from './checkout/contributor';
export { claimKind } from './checkout/quote';
export type { CheckoutService, PlacedOrder } from './checkout.service';
export { OrderHooks, type RefundHook, type RefundHookContext, type TransitionHook, type TransitionHookContext } from './order-hooks';
export { OrderTransitions, hookOrder, type OrderRow, type TransitionRequest } from './order-transitions';
export type { OrderLifecycle } from './order-lifecycle';
export type { OrderReads } from './orders.query';
export type { OrderTimeoutResult } from './orders.jobs';
export { parseIdempotencyKey, type CheckoutInput } from './orders.schema';
export { orderEventBase, type OrderEventBase } from './orders.events';
export type { OrderFacts, OrderLineSnapshot, OrderSnapshot } from './orders.facts';
export type { OrderPaymentsPort } from './payments-port';
