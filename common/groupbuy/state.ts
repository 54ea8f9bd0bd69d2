/**
 * Group-buy state machines, as data. A campaign and a group each move only along these edges,
 * by a compare-and-set `UPDATE … WHERE id = ? AND status = <from>` in api/. (A seat is an order
 * of kind `group_seat`: its extra states live in common/order/state.ts.)
 *
 *   campaign: draft ──schedule──▶ scheduled ──start──▶ running ──end──▶ ended
 *               └──────────end (discarded)──────┴──────end (early)──────▶
 *
 *   group:    open ──succeed (N seats paid)──▶ succeeded
 *               └───fail (time limit or campaign end first)──▶ failed
 */

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_EVENTS = ['schedule', 'start', 'end'] as const;
export type CampaignEvent = (typeof CAMPAIGN_EVENTS)[number];

export const GROUP_STATUSES = ['open', 'succeeded', 'failed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
export const GROUP_EVENTS = ['succeed', 'fail'] as const;
export type GroupEvent = (typeof GROUP_EVENTS)[number];

type Table<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>;

export const CAMPAIGN_TRANSITIONS: Table<CampaignStatus, CampaignEvent> = {
  draft: { schedule: 'scheduled', end: 'ended' },
  scheduled: { start: 'running', end: 'ended' },
  running: { end: 'ended' },
  ended: {},
};

export const GROUP_TRANSITIONS: Table<GroupStatus, GroupEvent> = {
  open: { succeed: 'succeeded', fail: 'failed' },
  succeeded: {},
  failed: {},
};

export function campaignNext(from: CampaignStatus, event: CampaignEvent): CampaignStatus | null {
  return CAMPAIGN_TRANSITIONS[from][event] ?? null;
}

export function groupNext(from: GroupStatus, event: GroupEvent): GroupStatus | null {
  return GROUP_TRANSITIONS[from][event] ?? null;
}

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { draft: '草稿', scheduled: '未开始', running: '进行中', ended: '已结束' };
export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = { open: '拼团中', succeeded: '拼团成功', failed: '拼团失败' };
