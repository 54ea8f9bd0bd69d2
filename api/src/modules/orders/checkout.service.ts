/**
 * Placing an order. One transaction writes the order, its number, its lines, empties the bought
 * SKUs from the cart and reserves stock by conditional UPDATE; any refusal rolls all of it back,
 * so a failed checkout leaves nothing half-written.
 *
 * Idempotency-Key: stored on the order with a hash of the request, unique per shopper. A retry
 * with the same body gets the order already made (created = false); a different body is a 409.
 * Two identical requests racing each other both get past the first lookup, but only one insert
 * survives the unique key; the loser rolls back (its stock reservation with it) and returns the
 * winner's order.
 */
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AddressDto } from '@common/address/types';
import { snapshotOf } from '@common/address/rules';
import type { CheckoutLineInput, CheckoutPreviewDto, OrderDetailDto } from '@common/order/types';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { Product, Sku } from '../catalogue/catalogue.entities';
import { quoteLines, toPreviewDto, type Quote } from './checkout.quote';
import { orderNoFor } from './order-no';
import { OrderLine, ShopOrder } from './orders.entities';
import { toDetailDto, type OrderReads } from './orders.query';
import type { CheckoutInput } from './orders.schema';

/** What checkout needs of the address module. */
export interface AddressLookup {
  getOwned(memberId: number, addressId: number): Promise<AddressDto>;
}
/** What checkout needs of the cart module (runs inside the order transaction). */
export interface CartSkuRemover {
  removeSkus(m: EntityManager, memberId: number, skuIds: number[]): Promise<void>;
}

export interface PlacedOrder {
  order: OrderDetailDto;
  /** false when an Idempotency-Key replay returned an order made earlier. */
  created: boolean;
}

/** sha256 of the request in a canonical form: line order and key order do not matter. */
export function requestHash(input: CheckoutInput): string {
  const lines = [...input.lines].sort((a, b) => a.skuId - b.skuId).map((l) => [l.skuId, l.quantity]);
  const canonical = JSON.stringify({ lines, addressId: input.addressId, remark: input.remark, fromCart: input.fromCart });
  return createHash('sha256').update(canonical).digest('hex');
}

export class CheckoutService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly addresses: AddressLookup,
    private readonly cart: CartSkuRemover,
    private readonly reads: OrderReads,
    private readonly payTimeoutMinutes: number,
    private readonly now: () => Date,
  ) {}

  /** 确认订单: prices the lines as they would be ordered now; writes nothing. */
  async preview(lines: readonly CheckoutLineInput[]): Promise<CheckoutPreviewDto> {
    return toPreviewDto(await quoteLines(this.ds.manager, lines));
  }

  async placeOrder(memberId: number, input: CheckoutInput, idempotencyKey: string | null): Promise<PlacedOrder> {
    const hash = requestHash(input);
    if (idempotencyKey) {
      const replay = await this.replay(memberId, idempotencyKey, hash);
      if (replay) return replay;
    }
    const address = await this.addresses.getOwned(memberId, input.addressId);
    // Read and priced outside the transaction to keep it short; the conditional UPDATE below
    // re-checks status and stock atomically, so a change in between can only refuse the order.
    const quote = await quoteLines(this.ds.manager, input.lines);
    try {
      const order = await this.tx.run((m) => this.write(m, memberId, input, address, quote, idempotencyKey, hash));
      // Answered from what was just written: a new order has exactly these lines and no refunds.
      return { order: toDetailDto(order, quote.lines, []), created: true };
    } catch (err) {
      // A concurrent twin with the same key won the unique (member_id, idempotency_key) race;
      // our transaction rolled back whole (stock included), so answer with the winner's order.
      if (idempotencyKey && isUniqueViolation(err)) {
        const replay = await this.replay(memberId, idempotencyKey, hash);
        if (replay) return replay;
      }
      throw err;
    }
  }

  private async replay(memberId: number, key: string, hash: string): Promise<PlacedOrder | null> {
    const existing = await this.ds.manager.findOne(ShopOrder, { where: { memberId, idempotencyKey: key }, select: { id: true, requestHash: true } });
    if (!existing) return null;
    if (existing.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED', `key ${key}`, [{ field: 'Idempotency-Key', message: '已用于另一笔不同的订单' }]);
    return { order: await this.reads.orderDetail(existing.id, memberId), created: false };
  }

  private async write(
    m: EntityManager,
    memberId: number,
    input: CheckoutInput,
    address: AddressDto,
    quote: Quote,
    idempotencyKey: string | null,
    hash: string,
  ): Promise<ShopOrder> {
    const now = this.now();
    const p = quote.pricing;
    const order = m.create(ShopOrder, {
      orderNo: null,
      memberId,
      status: 'pending_payment',
      goodsFen: p.goodsFen,
      discountFen: p.discountFen,
      freightFen: p.freightFen,
      payableFen: p.payableFen,
      refundedFen: 0,
      itemCount: p.lines.reduce((n, l) => n + l.quantity, 0),
      adjustments: p.adjustments,
      address: snapshotOf(address),
      remark: input.remark,
      guideId: null,
      idempotencyKey,
      requestHash: idempotencyKey ? hash : null,
      payDeadline: new Date(now.getTime() + this.payTimeoutMinutes * 60_000),
      paidAt: null,
      shippedAt: null,
      completedAt: null,
      cancelledAt: null,
      cancelReason: null,
      carrier: null,
      trackingNo: null,
      createdAt: now,
      updatedAt: now,
    });
    // The unique (member_id, idempotency_key) index is the idempotency guard: a second insert
    // with the same key fails here (or waits for the first to commit, then fails).
    const inserted = await m.insert(ShopOrder, order);
    const orderId = Number(inserted.identifiers[0].id);
    order.id = orderId;
    // The number is a bijection of the id (order-no.ts), so it is unique without a retry loop.
    order.orderNo = orderNoFor(orderId, now);
    await m.update(ShopOrder, { id: orderId }, { orderNo: order.orderNo });
    await m.insert(
      OrderLine,
      quote.lines.map((l) => ({ ...l, orderId })),
    );
    if (input.fromCart) await this.cart.removeSkus(m, memberId, quote.lines.map((l) => l.skuId));
    // Stock last, so the hot SKU rows stay locked for as short a time as possible, and in
    // ascending SKU id order, so two orders sharing SKUs lock them in the same order (no deadlock).
    const bySku = [...quote.lines].sort((a, b) => a.skuId - b.skuId);
    for (const line of bySku) await reserveStock(m, line.skuId, line.quantity, now, `lines.${input.lines.findIndex((l) => l.skuId === line.skuId)}`);
    return order;
  }
}

/**
 * Takes `quantity` off a SKU's stock, or throws (rolling the order back). Conditional UPDATE,
 * never read-then-write: the WHERE re-checks stock and sale status at the moment of the write,
 * under the row lock, so concurrent orders can never sell more than there is.
 */
async function reserveStock(m: EntityManager, skuId: number, quantity: number, now: Date, field: string): Promise<void> {
  const res = await m
    .createQueryBuilder()
    .update(Sku)
    .set({ stock: () => 'stock - :q', updatedAt: now })
    .where("id = :id AND stock >= :q AND status = 'on_sale'", { id: skuId, q: quantity })
    .andWhere("EXISTS (SELECT 1 FROM product p WHERE p.id = sku.product_id AND p.status = 'on_sale')")
    .execute();
  if (res.affected === 1) return;
  // Zero rows: say why (sold out, or taken off sale since we priced it).
  const sku = await m.findOneBy(Sku, { id: skuId });
  const product = sku && (await m.findOneBy(Product, { id: sku.productId }));
  if (!sku || sku.status !== 'on_sale' || product?.status !== 'on_sale') {
    throw new AppError('SKU_OFF_SALE', `sku ${skuId}`, [{ field: `${field}.skuId`, message: '已下架' }]);
  }
  throw new AppError('OUT_OF_STOCK', `sku ${skuId}`, [{ field: `${field}.quantity`, message: '库存不足' }]);
}
