/**
 * What orders needs of the payments module, as a port payments plugs in when it is built (orders
 * is built first and never imports payments): pay a zero-cash order inside its creating
 * transaction, close or query a WeChat Pay order before a timeout cancels it, list an order's
 * refunds for its detail. Until payments connects, orders has no refunds and nothing to close.
 */
import type { EntityManager } from 'typeorm';
import type { RefundDto } from '@common/order/types';
import type { PlacedOrderRef } from './checkout/contributor';

export interface OrderPaymentsPort {
  payZeroCashIn(m: EntityManager, order: PlacedOrderRef): Promise<void>;
  closeRemote(orderId: number): Promise<'closed' | 'paid' | 'none'>;
  reconcile(orderId: number): Promise<'paid' | 'unpaid' | 'none'>;
  refundsOfOrder(orderId: number): Promise<RefundDto[]>;
}

/** The connected port, or what orders does without one (nothing to close, no refunds). */
export class PaymentsSlot implements OrderPaymentsPort {
  private port: OrderPaymentsPort | null = null;

  connect(port: OrderPaymentsPort): void {
    if (this.port) throw new Error('a payments port is already connected to orders');
    this.port = port;
  }

  payZeroCashIn(m: EntityManager, order: PlacedOrderRef): Promise<void> {
    if (!this.port) throw new Error('no payments module connected to orders: a zero-cash order cannot be paid');
    return this.port.payZeroCashIn(m, order);
  }

  async closeRemote(orderId: number): Promise<'closed' | 'paid' | 'none'> {
    return this.port ? this.port.closeRemote(orderId) : 'none';
  }

  async reconcile(orderId: number): Promise<'paid' | 'unpaid' | 'none'> {
    return this.port ? this.port.reconcile(orderId) : 'none';
  }

  async refundsOfOrder(orderId: number): Promise<RefundDto[]> {
    return this.port ? this.port.refundsOfOrder(orderId) : [];
  }
}
