/** HQ: 兑换记录 of every member (or one), newest first, paged on the server. */
import { z } from 'zod';
import { HQ_WIDE } from '@common/hq/roles';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@common/paging';
import type { HqRedemptionDto } from '@common/pointsmall/types';
import type { DataSource } from 'typeorm';
import type { ApiRouter } from '../../http/api-router';
import { zs } from '../../http/validate';
import { toRedemptionDto } from './mall-redeem';
import { MallRedemption } from './pointsmall.entities';

export const HqRedemptionsQuery = z.object({ memberId: zs.id().optional(), ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) });

export async function listRedemptions(ds: DataSource, q: z.output<typeof HqRedemptionsQuery>): Promise<Page<HqRedemptionDto>> {
  // By member: idx_mall_redemption_member (member_id, id); all: the primary key, newest first.
  const [rows, total] = await ds.manager.findAndCount(MallRedemption, { where: q.memberId ? { memberId: q.memberId } : {}, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
  return { items: rows.map((r) => ({ ...toRedemptionDto(r), memberId: r.memberId })), page: q.page, pageSize: q.pageSize, total, hasMore: q.page * q.pageSize < total };
}

export function registerHqRedemptionsRoute(api: ApiRouter, ds: DataSource): void {
  api.route({ method: 'get', path: '/api/hq/pointsmall/redemptions', tag: 'hq', summary: '总部：积分商城兑换记录（分页，可按会员筛选）', access: { hq: HQ_WIDE }, query: HqRedemptionsQuery }, (_c, { query }) =>
    listRedemptions(ds, query),
  );
}
