/** DTOs of HQ's member reads (会员与积分 in the console). Each comes from the module that owns the data. */
import type { BindingSource } from '../attribution/rules';
import type { SegmentCode } from '../insight/rfm';
import type { Page } from '../paging';

/** A row of the HQ member list (auth module: the member table). */
export interface HqMemberRowDto {
  id: number;
  nickname: string;
  avatarUrl: string | null;
  createdAt: string;
  lastLoginAt: string;
  /** RFM segment (insight module); null before the member's insight row exists. */
  segment: SegmentCode | null;
}
export type HqMemberPage = Page<HqMemberRowDto>;

/** A member's guide as HQ sees it (guides module): the binding, its changes and the latest touches. */
export interface HqMemberGuideDto {
  binding: { guideId: number; guideName: string; storeId: number; storeName: string; source: BindingSource; boundAt: string } | null;
  changes: { fromGuideId: number | null; toGuideId: number; reason: string; actor: string | null; at: string }[];
  /** Newest first, at most 50. */
  touches: { id: number; guideId: number; guideName: string; scene: number | null; groupChatId: string | null; path: string; at: string }[];
}
