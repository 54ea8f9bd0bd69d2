import { Address } from '../modules/address/address.entities';
import { HqAdmin, Member } from '../modules/auth/auth.entities';
import { CartItem } from '../modules/cart/cart.entities';
import { Banner, Category, Product, Sku, StockAdjustment } from '../modules/catalogue/catalogue.entities';
import { JobLease } from '../modules/jobs/jobs.entities';
import { OrderLine, OrderStateLog, ShopOrder } from '../modules/orders/orders.entities';
import { Payment, Refund, RefundStateLog } from '../modules/payments/payments.entities';
import { GUIDE_ENTITIES } from '../modules/guides/guides.entities';
import { SIDEBAR_ENTITIES } from '../modules/sidebar/sidebar.entities';
import { OutboxDelivery, OutboxEvent } from '../modules/outbox/outbox.entities';
import { GbCampaign, GbGroup, GbSeat, GbShopper } from '../modules/groupbuy/groupbuy.entities';
import { MallHolding, MallItem, MallRedemption } from '../modules/pointsmall/pointsmall.entities';
import { CouponHolding, CouponTemplate, MemberCoupon, NewMemberGift, NewMemberPack } from '../modules/coupons/coupons.entities';
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
  GbCampaign,
  GbGroup,
  GbSeat,
  GbShopper,
  CouponTemplate,
  CouponHolding,
  MemberCoupon,
  NewMemberPack,
  NewMemberGift,
  MallItem,
  MallHolding,
  MallRedemption,
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
  ...GUIDE_ENTITIES,
  ...SIDEBAR_ENTITIES,
];
