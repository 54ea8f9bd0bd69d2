/**
 * HQ: 会员 list and search. One box: digits are a member id, an 11-digit mobile number is also
 * looked up in the address book, and any text matches the start of a nickname. The member table
 * is the auth module's and the address book the address module's; both are read through their ports.
 */
import { z } from 'zod';
import { HQ_WIDE } from '@common/hq/roles';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import type { ApiRouter } from '../../http/api-router';
import { zs } from '../../http/validate';
import type { AddressService } from '../address';
import type { MemberDirectory, MemberSearch } from '../auth';

export const MemberListQuery = z.object({
  q: zs.text(32).optional(),
  ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});

const MOBILE = /^1\d{10}$/;
const MAX_ID = 2_147_483_647;

/** What one search box means (pure, so the rule is tested without a database). */
export function searchOf(q: string | undefined): { search: MemberSearch; phone: string | null } {
  const text = q?.trim() ?? '';
  if (!text) return { search: {}, phone: null };
  const n = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  return { search: { nicknamePrefix: text, ...(n >= 1 && n <= MAX_ID ? { id: n } : {}) }, phone: MOBILE.test(text) ? text : null };
}

export function registerMemberListRoute(api: ApiRouter, ports: { members: MemberDirectory; addresses: Pick<AddressService, 'memberIdsByPhone'> }): void {
  api.route(
    { method: 'get', path: '/api/hq/members', tag: 'hq', summary: '总部：会员列表与搜索（会员ID、手机号或昵称开头；新的在前）', access: { hq: HQ_WIDE }, query: MemberListQuery },
    async (_c, { query }) => {
      const { search, phone } = searchOf(query.q);
      const ids = phone ? await ports.addresses.memberIdsByPhone(phone) : undefined;
      return ports.members.search({ ...search, ...(ids ? { ids } : {}) }, query.page, query.pageSize);
    },
  );
}
