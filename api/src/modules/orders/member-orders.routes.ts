/** HQ: one member's orders, for the console's member detail (served by the (member_id, created_at) order index). */
import { z } from 'zod';
import { HQ_WIDE } from '@common/hq/roles';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import type { ApiRouter } from '../../http/api-router';
import { zs } from '../../http/validate';
import type { OrderReads } from './orders.query';

const MemberParams = z.object({ id: zs.id() });
const PageQuery = z.object({ ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) });

export function registerMemberOrdersRoute(api: ApiRouter, reads: OrderReads): void {
  api.route(
    { method: 'get', path: '/api/hq/members/:id/orders', tag: 'hq', summary: '总部：会员的订单（分页，新的在前）', access: { hq: HQ_WIDE }, params: MemberParams, query: PageQuery },
    (_c, { params, query }) => reads.listForMember(params.id, query),
  );
}
