/**
 * HQ: 会员 list and search. One box: digits are a member id, an 11-digit mobile number is also
 * looked up in the address book, and any text matches the start of a nickname. Each row carries the
 * member's RFM segment, and the list can be narrowed to one segment. The member table is the auth
 * module's, the address book the address module's and the segments the insight module's (which
 * registers itself here, being built later); all are read through their ports.
 */
import { z } from 'zod';
import { HQ_WIDE } from '@common/hq/roles';
import { SEGMENT_CODES, type SegmentCode } from '@common/insight/rfm';
import type { HqMemberPage } from '@common/membership/hq';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import type { ApiRouter } from '../../http/api-router';
import { zs } from '../../http/validate';
import type { AddressService } from '../address';
import type { MemberDirectory, MemberSearch } from '../auth';

export const MemberListQuery = z.object({
  q: zs.text(32).optional(),
  segment: z.enum(SEGMENT_CODES).optional(),
  ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});

const MOBILE = /^1\d{10}$/;
const MAX_ID = 2_147_483_647;
/** A search inside a segment looks among this many newest matches of the search box. */
export const SEGMENT_SEARCH_CAP = 1_000;

/** What one search box means (pure, so the rule is tested without a database). */
export function searchOf(q: string | undefined): { search: MemberSearch; phone: string | null } {
  const text = q?.trim() ?? '';
  if (!text) return { search: {}, phone: null };
  const n = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  return { search: { nicknamePrefix: text, ...(n >= 1 && n <= MAX_ID ? { id: n } : {}) }, phone: MOBILE.test(text) ? text : null };
}

/** What the insight module gives the list: one indexed page of a segment, and the segments of a page. */
export interface MemberSegmentSource {
  /** Member ids of a segment, newest first, one page (optionally only among `within`), and how many there are. */
  page(segment: SegmentCode, page: number, pageSize: number, within?: readonly number[]): Promise<{ ids: number[]; total: number }>;
  segmentsOf(memberIds: readonly number[]): Promise<Map<number, SegmentCode>>;
}

/** The slot the insight module fills at build time (membership is built before it). */
export class MemberSegments {
  private source: MemberSegmentSource | null = null;
  provide(source: MemberSegmentSource): void {
    this.source = source;
  }
  get(): MemberSegmentSource | null {
    return this.source;
  }
}

type Ports = { members: MemberDirectory; addresses: Pick<AddressService, 'memberIdsByPhone'>; segments: MemberSegments };

async function listMembers(ports: Ports, query: z.infer<typeof MemberListQuery>): Promise<HqMemberPage> {
  const { search, phone } = searchOf(query.q);
  const ids = phone ? await ports.addresses.memberIdsByPhone(phone) : undefined;
  const filter = { ...search, ...(ids ? { ids } : {}) };
  const source = ports.segments.get();
  if (!query.segment) {
    const page = await ports.members.search(filter, query.page, query.pageSize);
    const segments = source ? await source.segmentsOf(page.items.map((m) => m.id)) : new Map<number, SegmentCode>();
    return { ...page, items: page.items.map((m) => ({ ...m, segment: segments.get(m.id) ?? null })) };
  }
  const { page, pageSize, segment } = query;
  if (!source) return { items: [], page, pageSize, total: 0, hasMore: false };
  // The segment's index pages the list; with a search, the page is taken among the search's newest matches.
  const within = query.q?.trim() ? await ports.members.matchingIds(filter, SEGMENT_SEARCH_CAP) : undefined;
  const found = await source.page(segment, page, pageSize, within);
  const rows = found.ids.length ? (await ports.members.search({ ids: found.ids }, 1, found.ids.length)).items : [];
  return { items: rows.map((m) => ({ ...m, segment })), page, pageSize, total: found.total, hasMore: page * pageSize < found.total };
}

export function registerMemberListRoute(api: ApiRouter, ports: Ports): void {
  api.route(
    {
      method: 'get',
      path: '/api/hq/members',
      tag: 'hq',
      summary: '总部：会员列表与搜索（会员ID、手机号或昵称开头；可按 RFM 分群筛选；新的在前）',
      access: { hq: HQ_WIDE },
      query: MemberListQuery,
    },
    async (_c, { query }) => listMembers(ports, query),
  );
}
