/**
 * Placing an order. The contributors (checkout/contributor.ts) quote it outside the transaction;
 * then one transaction writes the order, its number and its lines, and runs every contributor's
 * reserve (the cart removal, stock, and whatever the loop features register) in rank order; any
 * refusal rolls all of it back, so a failed checkout leaves nothing half-written. This file names
 * no contributor: adding a discount or a reservation is a registration, not an edit here.
 *
 * Idempotency-Key: stored on the order with a hash of the whole request, unique per shopper. A
 * retry with the same body gets the order already made (created = false); a different body is a
 * 409. Two identical requests racing each other both get past the first lookup, but only one
 * insert survives the unique key; the loser rolls back (every reservation with it) and returns
 * the winner's order.
 */
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AddressDto } from '@common/address/types';
import { snapshotOf } from '@common/address/rules';
import { kindShips } from '@common/order/state';
import type { CheckoutPreviewDto, OrderDetailDto } from '@common/order/types';
import { isUniqueViolation } from '../../db/errors';
import { plainInsert } from '../../db/plain-sql';
import type { SequenceBlocks } from '../../db/sequence';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { CheckoutBodyCore, CheckoutContributors, MemberRow, PlacedOrderRef } from './checkout/contributor';
import type { BoundReadPart } from './checkout/member-read';
import { quoteCheckout, toPreviewDto, type Quote } from './checkout/quote';
import { orderNoFor } from './order-no';
import { OrderLine, ShopOrder } from './orders.entities';
import { toDetailDto, type OrderReads } from './orders.query';
import type { CheckoutInput } from './orders.schema';

/** What checkout needs of the address module. */
export interface AddressLookup {
  getOwned(memberId: number, addressId: number): Promise<AddressDto>;
  /** getOwned as a part of checkout's member read, and the address of its rows. */
  checkoutReadPart(memberId: number, addressId: number): BoundReadPart;
  ownedFromRows(rows: readonly MemberRow[], addressId: number): AddressDto;
}

/** Marks a zero-cash order paid inside the creating transaction (the payments module's markPaid path). */
export type ZeroCashPayer = (m: EntityManager, order: PlacedOrderRef) => Promise<void>;

export interface PlacedOrder {
  order: OrderDetailDto;
  /** false when an Idempotency-Key replay returned an order made earlier. */
  created: boolean;
}

/** JSON with object keys sorted at every depth: the same body always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

/** sha256 of the whole request (every contributor field included); line order does not matter. */
export function requestHash(input: CheckoutBodyCore): string {
  const lines = [...input.lines].sort((a, b) => a.skuId - b.skuId).map((l) => [l.skuId, l.quantity]);
  return createHash('sha256')
    .update(JSON.stringify(canonical({ ...input, lines })))
    .digest('hex');
}

export interface CheckoutDeps {
  ds: DataSource;
  tx: Transactor;
  contributors: CheckoutContributors;
  addresses: AddressLookup;
  reads: OrderReads;
  payZeroCash: ZeroCashPayer;
  payTimeoutMinutes: number;
  now: () => Date;
  /** The `order-no` sequence: each order's number is known before its INSERT (order-no.ts). */
  orderNumbers: SequenceBlocks;
}

export class CheckoutService {
  constructor(private readonly d: CheckoutDeps) {}

  /** 确认订单: prices the order as it would be placed now, with every contributor's say; writes nothing. */
  async preview(memberId: number, body: CheckoutBodyCore): Promise<CheckoutPreviewDto> {
    if (body.addressId !== undefined) await this.d.addresses.getOwned(memberId, body.addressId);
    return toPreviewDto(await quoteCheckout(this.d.ds.manager, this.d.contributors, memberId, body, false, this.d.now()));
  }

  async placeOrder(memberId: number, input: CheckoutInput, idempotencyKey: string | null): Promise<PlacedOrder> {
    const hash = requestHash(input);
    if (idempotencyKey) {
      const replay = await this.replay(memberId, idempotencyKey, hash);
      if (replay) return replay;
    }
    // Quoted outside the transaction to keep it short; the reserve steps re-check whatever
    // matters (stock, seats, coupons, points) atomically, so a change in between only refuses.
    // The address, when one is named, comes with the member read: one round trip less.
    const addressPart = input.addressId === undefined ? undefined : this.d.addresses.checkoutReadPart(memberId, input.addressId);
    const quote = await quoteCheckout(this.d.ds.manager, this.d.contributors, memberId, input, true, this.d.now(), addressPart ? [addressPart] : []);
    let committed = false;
    try {
      const address = this.addressFor(input, quote, addressPart);
      // Admitted again: while this order was quoted, another may have taken the last unit and
      // marked it; a sell-out burst's queued losers then end here instead of in a transaction.
      if (this.d.contributors.isPlain(input)) for (const c of this.d.contributors.ordered) c.admit?.(input);
      // Taken outside the transaction (mostly from this process's block, no SQL); a retried
      // deadlock reuses it, and a refused order leaves a gap, never a repeat.
      const sequenceValue = await this.d.orderNumbers.take();
      const order = await this.d.tx.run((m) => this.write(m, memberId, input, address, quote, idempotencyKey, hash, sequenceValue));
      committed = true;
      // Waiters for the SKU learn of the units taken before this answer is even built.
      quote.release(true);
      if (order.payableFen === 0) return { order: await this.d.reads.orderDetail(order.id, memberId), created: true };
      // Answered from what was just written: a new order has exactly these lines and no refunds.
      return { order: toDetailDto(order, quote.lines, []), created: true };
    } catch (err) {
      // A concurrent twin with the same key won the unique (member_id, idempotency_key) race;
      // our transaction rolled back whole (every reservation included): answer with the winner's order.
      if (idempotencyKey && isUniqueViolation(err)) {
        const replay = await this.replay(memberId, idempotencyKey, hash);
        if (replay) return replay;
      }
      throw err;
    } finally {
      quote.release(committed);
    }
  }

  /** An order that ships needs the shopper's own address; one that never ships (到店自提) takes none. */
  private addressFor(input: CheckoutInput, quote: Quote, part: BoundReadPart | undefined): AddressDto | null {
    const kind = quote.draft.kind;
    if (!kindShips(kind)) {
      if (input.addressId !== undefined) throw new AppError('VALIDATION_FAILED', `a ${kind} order has no address`, [{ field: 'addressId', message: '到店自提无需收货地址' }]);
      return null;
    }
    if (input.addressId === undefined) throw new AppError('VALIDATION_FAILED', 'addressId is required', [{ field: 'addressId', message: '请选择收货地址' }]);
    // The member read carried the address part whenever an addressId was given.
    return this.d.addresses.ownedFromRows(quote.draft.memberRows?.get(part!.name) ?? [], input.addressId);
  }

  private async replay(memberId: number, key: string, hash: string): Promise<PlacedOrder | null> {
    const existing = await this.d.ds.manager.findOne(ShopOrder, { where: { memberId, idempotencyKey: key }, select: { id: true, requestHash: true } });
    if (!existing) return null;
    if (existing.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', `key ${key}`, [{ field: 'Idempotency-Key', message: '已用于另一笔不同的订单' }]);
    return { order: await this.d.reads.orderDetail(existing.id, memberId), created: false };
  }

  private async write(m: EntityManager, memberId: number, input: CheckoutInput, address: AddressDto | null, quote: Quote, idempotencyKey: string | null, hash: string, sequenceValue: number): Promise<ShopOrder> {
    const now = this.d.now();
    const p = quote.pricing;
    // A plain object, not m.create: the entity has no behaviour, and the id is the insert's.
    // The number is a bijection of a sequence value (order-no.ts): unique without a retry loop.
    const orderNo = orderNoFor(sequenceValue, now);
    const order: ShopOrder = {
      id: 0,
      orderNo,
      memberId,
      status: 'pending_payment',
      kind: quote.draft.kind,
      goodsFen: p.goodsFen,
      discountFen: p.discountFen,
      freightFen: p.freightFen,
      payableFen: p.payableFen,
      refundedFen: 0,
      itemCount: p.lines.reduce((n, l) => n + l.quantity, 0),
      adjustments: p.adjustments,
      address: address && snapshotOf(address),
      receiverPhone: address?.phone ?? null,
      remark: input.remark,
      guideId: quote.draft.guideId,
      idempotencyKey,
      requestHash: idempotencyKey ? hash : null,
      payDeadline: new Date(now.getTime() + this.d.payTimeoutMinutes * 60_000),
      paidAt: null,
      shippedAt: null,
      completedAt: null,
      cancelledAt: null,
      cancelReason: null,
      carrier: null,
      trackingNo: null,
      releasedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    // The unique (member_id, idempotency_key) index is the idempotency guard: a second insert
    // with the same key fails here (or waits for the first to commit, then fails).
    // Plain SQL made once per entity (db/plain-sql.ts): this is the hottest write there is.
    const orderId = await plainInsert(m, ShopOrder, [order]);
    order.id = orderId;
    await plainInsert(
      m,
      OrderLine,
      quote.lines.map((l) => ({ ...l, orderId })),
    );
    const ref: PlacedOrderRef = { id: orderId, orderNo, memberId, kind: order.kind, guideId: order.guideId, payableFen: order.payableFen };
    const applied = (kind: string, r?: string) => p.adjustments.find((a) => a.kind === kind && (r === undefined || a.ref === r));
    // Rank order (stock last, so the hot SKU rows stay locked as briefly as possible); any
    // refusal throws and rolls back the order and every reservation before it.
    for (const c of this.d.contributors.acceptedBy(ref.kind)) {
      await c.reserve?.({ m, order: ref, draft: quote.draft, pricing: p, applied, now });
    }
    // Nothing to pay (points or coupons covered it all): paid now, through the same path a
    // payment notification takes (Paid transition, payment row, OrderPaid), never WeChat Pay.
    if (order.payableFen === 0) await this.d.payZeroCash(m, ref);
    return order;
  }
}
