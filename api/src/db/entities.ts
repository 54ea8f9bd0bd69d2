import { Address } from '../modules/address/address.entities';
import { HqAdmin, Member } from '../modules/auth/auth.entities';
import { CartItem } from '../modules/cart/cart.entities';
import { Banner, Category, Product, Sku, StockAdjustment } from '../modules/catalogue/catalogue.entities';
import { JobLease } from '../modules/jobs/jobs.entities';
import { OrderLine, OrderStateLog, ShopOrder } from '../modules/orders/orders.entities';
import { Payment, Refund, RefundStateLog } from '../modules/payments/payments.entities';
import { GUIDE_ENTITIES } from '../modules/guides/guides.entities';
import { OutboxDelivery, OutboxEvent } from '../modules/outbox/outbox.entities';

export const ENTITIES = [
  Member,
  HqAdmin,
  Category,
  Product,
  Sku,
  StockAdjustment,
  Banner,
  CartItem,
  Address,
  ShopOrder,
  OrderLine,
  OrderStateLog,
  Payment,
  Refund,
  OutboxEvent,
  OutboxDelivery,
  JobLease,
  RefundStateLog,
  ...GUIDE_ENTITIES,
];
