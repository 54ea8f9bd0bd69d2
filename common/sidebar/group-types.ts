/** The sidebar's group view and HQ's customer groups (re-exported by common/sidebar/types.ts). */

/** HQ's tag of a customer group. */
export const GROUP_KINDS = ['flash', 'member', 'vip'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_KIND_LABELS: Record<GroupKind, string> = { flash: '快闪群', member: '会员群', vip: 'VIP群' };

export interface GroupShopper {
  memberId: number;
  nickname: string;
  tierLabel: string;
  joinedAt: string | null;
}

/** A customer group as synced from WeCom, with HQ's kind tag. */
export interface GroupSummary {
  chatId: string;
  name: string;
  kind: GroupKind | null;
  kindLabel: string | null;
  ownerUserId: string;
  /** The owner guide, when the owner is a Loopmall guide. */
  ownerGuide: { id: number; name: string } | null;
  memberCount: number;
  syncedAt: string;
}

export interface GroupView extends GroupSummary {
  /** External members recognised as Loopmall shoppers (by unionid, or the WeCom contact link). */
  shoppers: GroupShopper[];
  /** Orders whose attribution snapshot names this group (a card shared in it), all time. */
  attributed: { orders: number; gmvFen: number };
  /** This week (Monday 00:00 Asia/Shanghai until now), by this group's shopper members. */
  thisWeek: { signins: number; groupBuyJoins: number; from: string };
}

export interface HqGroupsQuery {
  page?: number;
  pageSize?: number;
  kind?: GroupKind | 'none';
  ownerGuideId?: number;
}

export interface HqGroupRow extends GroupSummary {
  /** 0 normal; WeCom's status of the owner's handover otherwise (1 离职待继承, 2 继承中, 3 继承完成). */
  status: number;
  /** Dismissed in WeCom (no longer in groupchat/list). */
  dismissed: boolean;
}

export interface GroupKindBody {
  kind: GroupKind | null;
}

export interface GroupSyncResult {
  /** Groups WeCom listed. */
  listed: number;
  added: number;
  updated: number;
  /** Known groups WeCom no longer lists. */
  dismissed: number;
}

export interface GroupReport {
  chatId: string;
  from: string;
  to: string;
  /** Cards sent into this group from the sidebar (not cancelled or failed). */
  sends: number;
  /** Opens of a guide's card that carried this group's id. */
  touches: number;
  /** Orders attributed with this group as evidence, and their payable total (paid or later). */
  orders: number;
  gmvFen: number;
}
