/**
 * The counter's side of 门店自提 (the POS routes and HQ's 自提核销 call these) and the shopper's
 * view of their own pickup. A code is looked up only within the caller's store: another store's
 * code answers exactly as an unknown one (404), never with its order.
 */
import type { DataSource } from 'typeorm';
import { isPickupCode } from '@common/pickup/rules';
import type { PickupView, ShopperPickupDto } from '@common/pickup/types';
import { AppError } from '../../http/app-error';
import type { OrderFacts, OrderLifecycle } from '../orders';
import type { PickupStores } from './pickup-stores';
import { PickupOrder } from './pickup.entities';

export interface CollectInput {
  storeId: number;
  code: string;
  /** Who handed the goods over ('hq:zhang', 'pos:<key id>'): kept on the pickup row. */
  by: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class PickupService {
  constructor(
    private readonly ds: DataSource,
    private readonly orders: OrderFacts,
    private readonly lifecycle: Pick<OrderLifecycle, 'collect'>,
    private readonly stores: PickupStores,
  ) {}

  /** The store's latest order under this code (codes recur only after their order closed). */
  private async rowOf(storeId: number, code: string): Promise<PickupOrder | null> {
    if (!isPickupCode(code)) return null;
    // idx_pickup_order_store_code (store_id, code).
    return this.ds.manager.findOne(PickupOrder, { where: { storeId, code }, order: { id: 'DESC' } });
  }

  private async view(row: PickupOrder): Promise<PickupView> {
    const [order, lines] = await Promise.all([this.orders.byId(row.orderId), this.orders.lines(row.orderId)]);
    if (!order) throw new AppError('PICKUP_NOT_FOUND', `order ${row.orderId}`);
    return {
      orderId: row.orderId,
      orderNo: order.orderNo ?? '',
      state: row.state,
      memberId: row.memberId,
      lines: lines.map((l) => ({ title: l.title, quantity: l.quantity })),
      payFen: order.payableFen,
      readyAt: iso(row.readyAt),
      collectedAt: iso(row.collectedAt),
    };
  }

  /** The pickup order behind a code at this store; null for an unknown code or another store's. */
  async findPickup(storeId: number, code: string): Promise<PickupView | null> {
    const row = await this.rowOf(storeId, code);
    return row ? this.view(row) : null;
  }

  /**
   * 核销: hands a ready order over and completes it. 404 for an unknown code or another store's;
   * 409 when it was already collected, or is not ready (unpaid, refund under way, closed). Two
   * counters racing on one code: the order's compare-and-set lets exactly one through.
   */
  async collectPickup(input: CollectInput): Promise<PickupView> {
    const row = await this.rowOf(input.storeId, input.code);
    if (!row) throw new AppError('PICKUP_NOT_FOUND', `code at store ${input.storeId}`);
    if (row.state === 'collected') throw new AppError('PICKUP_ALREADY_COLLECTED', `order ${row.orderId}`);
    if (row.state !== 'ready') throw new AppError('PICKUP_NOT_READY', `order ${row.orderId} is ${row.state}`);
    // The state read above only picks the message; the transition's CAS decides (the hook moves the row).
    if (!(await this.lifecycle.collect(row.orderId, `pickup:${input.by}`.slice(0, 40)))) {
      const now = await this.ds.manager.findOneByOrFail(PickupOrder, { id: row.id });
      throw new AppError(now.state === 'collected' ? 'PICKUP_ALREADY_COLLECTED' : 'PICKUP_NOT_READY', `order ${row.orderId} is ${now.state}`);
    }
    const after = await this.ds.manager.findOneByOrFail(PickupOrder, { id: row.id });
    return this.view(after);
  }

  /** The shopper's own pickup order (订单详情); 404 for anyone else's or an order that is not a pickup. */
  async ofShopper(memberId: number, orderId: number): Promise<ShopperPickupDto> {
    const row = await this.ds.manager.findOneBy(PickupOrder, { orderId, memberId });
    if (!row) throw new AppError('PICKUP_NOT_FOUND', `order ${orderId}`);
    const store = await this.stores.one(row.storeId).catch(() => null);
    return {
      orderId,
      state: row.state,
      // The code is the key to the goods: shown only while it can be used (and after, for the record).
      code: row.state === 'ready' || row.state === 'collected' ? row.code : null,
      store: { storeId: row.storeId, name: store?.name ?? '', address: store?.address ?? '', hours: store?.hours ?? '' },
      readyAt: iso(row.readyAt),
      collectedAt: iso(row.collectedAt),
    };
  }
}
