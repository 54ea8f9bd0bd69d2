/** DTOs of member insight as the HQ console, the guide workbench and the sidebar read them. */
import type { RfmThresholds, SegmentCode } from './rfm';
import type { RuleTag } from './tags';

/** A member's tags for display: rule tags by code, manual tags by their text. */
export interface MemberTagsDto {
  segment: SegmentCode;
  ruleTags: RuleTag[];
  manualTags: string[];
}

export interface MemberInsightDto extends MemberTagsDto {
  memberId: number;
  registeredAt: string;
  lastPaidAt: string | null;
  /** Days since the last paid order (Shanghai days); null: never paid. */
  recencyDays: number | null;
  frequency: number;
  monetaryFen: number;
  promoOrders: number;
  lastVisitDay: string | null;
  guideId: number | null;
  storeId: number | null;
  /** Whether R, F and M are each high against the thresholds in force. */
  scores: { r: boolean; f: boolean; m: boolean } | null;
}

export interface SegmentDistributionDto {
  /** Null for HQ-wide; a store manager's own store. */
  storeId: number | null;
  total: number;
  segments: { segment: SegmentCode; members: number }[];
  tags: { tag: RuleTag; members: number }[];
  /** When the nightly job last re-scored everyone (Shanghai day), null before its first run. */
  scoredDay: string | null;
}

export interface InsightThresholdsDto {
  /** What is in force now. */
  effective: RfmThresholds;
  /** HQ's own values; null where HQ follows the default. */
  hq: { recencyDays: number | null; frequency: number | null; monetaryFen: number | null };
  /** The nightly medians of members with orders (null before the first run). */
  medians: { recencyDays: number | null; frequency: number | null; monetaryFen: number | null };
  /** M at or above this is 高净值 (null: no member has M yet). */
  highValueFen: number | null;
  scoredDay: string | null;
}

export interface SegmentMemberRowDto {
  memberId: number;
  nickname: string;
  segment: SegmentCode;
  ruleTags: RuleTag[];
  manualTags: string[];
  lastPaidAt: string | null;
  frequency: number;
  monetaryFen: number;
  lastVisitDay: string | null;
}

export type PushTarget = { kind: 'segment'; segment: SegmentCode } | { kind: 'tag'; tag: RuleTag };

export interface SegmentPushDto {
  id: number;
  batchKey: string;
  templateId: number;
  templateName: string;
  target: PushTarget;
  status: 'running' | 'done';
  /** Members in the target when the push was made. */
  members: number;
  createdAt: string;
  finishedAt: string | null;
}

/** What a pushed coupon did: copies received, used, and GMV of the orders that used one. */
export interface SegmentPushStatsDto extends SegmentPushDto {
  received: number;
  used: number;
  /** Net of refunds (payable − refunded) of the paid orders that used a copy of this batch. */
  gmvFen: number;
}
