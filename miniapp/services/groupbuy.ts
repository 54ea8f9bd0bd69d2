/** Group-buy: campaigns, groups, joining a group (which places a seat order), 我的拼团. */
import type { CampaignDto, CampaignPageDto, GroupPageDto, MyGroupDto } from '@common/groupbuy/types';
import type { OrderDetailDto } from '@common/order/types';
import { url } from '../routes';
import { request } from './http';

export function fetchCurrentCampaigns(): Promise<CampaignDto[]> {
  return request<CampaignDto[]>('GET', '/api/groupbuy/campaigns');
}

export function fetchCampaignPage(id: number): Promise<CampaignPageDto> {
  return request<CampaignPageDto>('GET', `/api/groupbuy/campaigns/${id}`);
}

export function fetchGroupPage(id: number): Promise<GroupPageDto> {
  return request<GroupPageDto>('GET', `/api/groupbuy/groups/${id}`);
}

/** The group's poster: a mini-program code image that opens the group page. */
export function fetchGroupPoster(id: number): Promise<{ image: string }> {
  return request<{ image: string }>('GET', `/api/groupbuy/groups/${id}/poster`);
}

export function fetchMyGroups(): Promise<MyGroupDto[]> {
  return request<MyGroupDto[]>('GET', '/api/groupbuy/mine');
}

export interface JoinInput {
  campaignId: number;
  /** Omitted: open a new group as its leader. */
  groupId?: number;
  quantity: number;
  addressId: number;
}

/** Takes a seat: answers the seat's order (待付款). One key per visit, so a double tap takes one seat. */
export function joinGroup(input: JoinInput, idempotencyKey: string): Promise<OrderDetailDto & { groupId: number }> {
  return request('POST', '/api/groupbuy/join', { body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** The share path of a group; `t` carries the sharer's guide token once guides exist. */
export function groupSharePath(groupId: number, token?: string | null): string {
  return url('group', { id: groupId, t: token ?? undefined });
}

/** Server time minus device time, so countdowns follow the server's clock, not the phone's. */
export function clockOffset(serverTime: string): number {
  return Date.parse(serverTime) - Date.now();
}

/** A poster's code opens the group page with `scene=g%3D12%26t%3D…` instead of `id`. */
export function groupIdFrom(params: Record<string, string | undefined>): { id: number; token: string | null } {
  if (params.id) return { id: Number(params.id), token: params.t ? decodeURIComponent(params.t) : null };
  const scene = new URLSearchParams(decodeURIComponent(params.scene ?? ''));
  return { id: Number(scene.get('g')), token: scene.get('t') };
}
