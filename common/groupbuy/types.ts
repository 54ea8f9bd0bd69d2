/** Group-buy DTOs shared by the API and the mini-program. Money in fen, times as ISO strings (UTC). */
import type { CampaignStatus, GroupStatus } from './state';

export interface CampaignDto {
  id: number;
  title: string;
  skuId: number;
  productId: number;
  image: string | null;
  specLabel: string;
  groupPriceFen: number;
  /** The SKU's own price: 单独购买. */
  soloPriceFen: number;
  groupSize: number;
  startAt: string;
  endAt: string;
  groupHours: number;
  perShopperLimit: number;
  /** The stored status, with `scheduled` shown as `running` inside the window. */
  status: CampaignStatus;
  stockTotal: number;
  sold: number;
  held: number;
  left: number;
}

export interface GroupMemberDto {
  nickname: string;
  avatarUrl: string | null;
  leader: boolean;
  paid: boolean;
}

export interface GroupDto {
  id: number;
  campaignId: number;
  status: GroupStatus;
  size: number;
  /** Seats taken by live seats (paid or awaiting payment). */
  seatsTaken: number;
  seatsPaid: number;
  seatsLeft: number;
  expiresAt: string;
  members: GroupMemberDto[];
  /** Whether the caller holds a live seat in it. */
  mine: boolean;
}

export interface CampaignPageDto {
  campaign: CampaignDto;
  /** Open groups still waiting for members, soonest to expire first. */
  openGroups: GroupDto[];
  serverTime: string;
  /** Subscribe-message templates to ask consent for when paying a seat. */
  noticeTemplates: string[];
}

export interface GroupPageDto {
  group: GroupDto;
  campaign: CampaignDto;
  serverTime: string;
  /** What the caller may do here: join, pay their seat, or open a new group instead. */
  canJoin: boolean;
  offerNewGroup: boolean;
  /** The caller's own seat order in this group, if any, and its status. */
  myOrderId: number | null;
  noticeTemplates: string[];
}

export interface MyGroupDto {
  group: GroupDto;
  campaign: Pick<CampaignDto, 'id' | 'title' | 'image' | 'groupPriceFen'>;
  orderId: number;
  orderStatus: string;
}

/** The checkout body field `groupBuy`. */
export interface GroupBuyField {
  campaignId: number;
  /** Join this group; omitted = open a new group (leader). */
  groupId?: number;
}
