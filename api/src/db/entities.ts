import { Address } from '../modules/address/address.entities';
import { HqAdmin, Member } from '../modules/auth/auth.entities';
import { CartItem } from '../modules/cart/cart.entities';
import { Banner, Category, Product, Sku, StockAdjustment } from '../modules/catalogue/catalogue.entities';
import { JobLease } from '../modules/jobs/jobs.entities';
import { OrderLine, OrderStateLog, ShopOrder } from '../modules/orders/orders.entities';
import { Payment, Refund, RefundStateLog } from '../modules/payments/payments.entities';
import { OutboxDelivery, OutboxEvent } from '../modules/outbox/outbox.entities';
import { MemberGrowthEntry, MemberProfile, MembershipSetting, MemberTierLog } from '../modules/membership/membership.entities';
import { MemberReferral, PointsAccount, PointsEntry, PointsLot, PointsLotUse, PointsSignin } from '../modules/points/points.entities';

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
  PointsAccount,
  PointsEntry,
  PointsLot,
  PointsLotUse,
  PointsSignin,
  MemberReferral,
  MemberProfile,
  MemberGrowthEntry,
  MemberTierLog,
  MembershipSetting,
];
