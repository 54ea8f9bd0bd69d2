/** HQ's reads of guides data for the console: commission ledger and settlement CSV, the rates, a member's guide. */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { FileReply, type ApiRouter } from '../../http/api-router';
import { zs } from '../../http/validate';
import type { CommissionLedgerReads } from './commission.hq';
import { IdParams } from './guides.schema';
import type { MemberGuideReads } from './member-guide.hq';

const read = { hq: ['owner', 'operator', 'analyst'] as const };
/** Commission and its exports are finance's (issue 15: 财务 — refunds, commission, exports). */
const finance = { hq: ['owner', 'analyst'] as const };

export const EntriesQuery = z.object({ ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) });
export const SettlementQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '须为 YYYY-MM') });

export function registerGuideHqReads(api: ApiRouter, s: { ledger: CommissionLedgerReads; memberGuide: MemberGuideReads }): void {
  api.route(
    { method: 'get', path: '/api/hq/guides/:id/commission/entries', tag: 'guides', summary: '导购佣金台账（分页，新的在前）', access: finance, params: IdParams, query: EntriesQuery },
    (_c, { params, query }) => s.ledger.entries(params.id, query.page, query.pageSize),
  );
  api.route(
    {
      method: 'get', path: '/api/hq/guides/:id/commission/settlement', tag: 'guides', access: finance, params: IdParams, query: SettlementQuery, produces: 'text/csv',
      summary: '导购月度佣金结算 CSV（北京时间自然月；UTF-8 带 BOM，Excel 可直接打开）',
    },
    async (_c, { params, query }) => {
      const { stream, filename } = await s.ledger.settlement(params.id, query.month);
      return new FileReply(stream, 'text/csv; charset=utf-8', filename);
    },
  );
  api.route({ method: 'get', path: '/api/hq/commission-rates', tag: 'guides', summary: '佣金比例（默认与按商品、分类单独设置的）', access: read }, () => s.ledger.rates());
  api.route({ method: 'get', path: '/api/hq/members/:id/guide', tag: 'guides', summary: '会员的专属导购、变更与最近触达', access: read, params: IdParams }, (_c, { params }) =>
    s.memberGuide.ofMember(params.id),
  );
}
