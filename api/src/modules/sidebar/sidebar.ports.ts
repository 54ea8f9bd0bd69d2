/**
 * What the sidebar reads from other modules, as one interface: it never touches their tables.
 * sidebar.module.ts builds it from their public APIs and read ports.
 */
import type { CampaignDto } from '@common/groupbuy/types';
import type { CouponTemplateDto, MemberCouponDto } from '@common/coupon/types';
import type { MemberCardDto } from '@common/membership/types';
import type { OrderSummaryDto } from '@common/order/types';
import type { ProductCardDto } from '@common/catalogue/types';
import type { MemberTagsDto } from '@common/insight/types';
import type { GuideReads } from '../guides';

export interface SidebarPorts {
  guides: Pick<GuideReads, 'byWecomUserId' | 'activeById' | 'isActive' | 'byWecomUserIds' | 'wecomUserIdsOfStore' | 'namesByIds' | 'contact' | 'membersByExternalUserIds' | 'bindingOf' | 'touches' | 'touchCount' | 'attributedOrderIds'>;
  /** WeCom's externalcontact/get (the customer-contact client): unionid and who the customer added; null when WeCom knows no such relation. */
  externalContact(externalUserId: string): Promise<{ unionid: string | null; followUserIds: string[] } | null>;
  /** The guide's signed share token (share module). */
  guideShareToken(guideId: number): string;
  members: {
    byIds(ids: readonly number[]): Promise<Map<number, { nickname: string; avatarUrl: string | null }>>;
    idsByUnionids(unionids: readonly string[]): Promise<Map<string, number>>;
    card(memberId: number): Promise<MemberCardDto>;
    /** Tier labels of many members (group view). */
    tierLabels(memberIds: readonly number[]): Promise<Map<number, string>>;
  };
  orders: {
    latest(memberId: number, n: number): Promise<OrderSummaryDto[]>;
    paidTotals(orderIds: readonly number[]): Promise<{ orders: number; gmvFen: number }>;
  };
  coupons: {
    usable(memberId: number): Promise<MemberCouponDto[]>;
    /** Templates 领券中心 offers now. */
    claimable(): Promise<CouponTemplateDto[]>;
    /** The 新人礼 pack, when one is active. */
    newcomerPack(): Promise<{ points: number; couponCount: number } | null>;
  };
  activity: {
    signins(memberIds: readonly number[], fromDay: string): Promise<number>;
    groupBuyJoins(memberIds: readonly number[], from: Date): Promise<number>;
  };
  catalogue: {
    products(keyword: string | undefined, n: number): Promise<ProductCardDto[]>;
    /** An on-sale product's card, or null. */
    product(id: number): Promise<ProductCardDto | null>;
  };
  groupBuy: {
    /** Campaigns running now. */
    live(): Promise<CampaignDto[]>;
  };
  /** The member's RFM segment and tags (insight module). */
  insight: {
    tagsOf(memberIds: readonly number[]): Promise<Map<number, MemberTagsDto>>;
  };
}
