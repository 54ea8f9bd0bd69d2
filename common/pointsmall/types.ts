/** Points-mall DTOs shared by the API and the mini-program. */
export const MALL_ITEM_KINDS = ['goods', 'coupon'] as const;
export type MallItemKind = (typeof MALL_ITEM_KINDS)[number];

/** active: points spent; returned: points and stock given back (an unshipped redemption cancelled). */
export const REDEMPTION_STATUSES = ['active', 'returned'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export interface MallItemDto {
  id: number;
  title: string;
  image: string | null;
  description: string;
  kind: MallItemKind;
  skuId: number | null;
  templateId: number | null;
  pointsPrice: number;
  cashFen: number;
  stock: number;
  redeemedCount: number;
  perMemberLimit: number;
  active: boolean;
  /** For a coupon item: what the coupon gives (满 99 减 10). */
  couponSummary: string | null;
}

export interface RedemptionDto {
  id: number;
  itemId: number;
  kind: MallItemKind;
  title: string;
  points: number;
  cashFen: number;
  orderId: number | null;
  memberCouponId: number | null;
  status: RedemptionStatus;
  createdAt: string;
}

/** A redemption as HQ lists it: with the member. */
export interface HqRedemptionDto extends RedemptionDto {
  memberId: number;
}
