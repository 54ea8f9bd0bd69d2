/** HQ's reads of guides data for the console: commission ledger and settlement CSV, the rates, a member's guide. */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { HQ_FINANCE, HQ_STORE_READERS, HQ_WIDE } from '@common/hq/roles';
import { FileReply, type ApiRouter } from '../../http/api-router';
import { storeScopeOf } from '../../http/context';
import { zs } from '../../http/validate';
import type { CommissionLedgerReads } from './commission.hq';
import { IdParams, RateListQuery } from './guides.schema';
import type { MemberGuideReads } from './member-guide.hq';

/** A guide's ledger: HQ-wide roles, and a 门店店长 for their own store's guides (404 for another's). */
const ledgerReaders = { hq: HQ_STORE_READERS };
/** The settlement export is finance's (issue 15: 财务 — refunds, commission, exports). */
const finance = { hq: HQ_FINANCE };
/** Not store-scoped yet: a store manager is refused (403) rather than shown another store's member. */
const wide = { hq: HQ_WIDE };

export const EntriesQuery = z.object({ ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) });
export const SettlementQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '须为 YYYY-MM') });

export function registerGuideHqReads(api: ApiRouter, s: { ledger: CommissionLedgerReads; memberGuide: MemberGuideReads }): void {
  api.route(
    { method: 'get', path: '/api/hq/guides/:id/commission/entries', tag: 'guides', summary: '导购佣金台账（分页，新的在前）', access: ledgerReaders, params: IdParams, query: EntriesQuery },
    (ctx, { params, query }) => s.ledger.entries(params.id, query.page, query.pageSize, storeScopeOf(ctx)),
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
  api.route({ method: 'get', path: '/api/hq/commission-rates', tag: 'guides', summary: '佣金比例（默认比例与按商品、分类单独设置的，分页；范围、ID 筛选）', access: wide, query: RateListQuery }, (_c, { query }) =>
    s.ledger.rates(query),
  );
  api.route({ method: 'get', path: '/api/hq/members/:id/guide', tag: 'guides', summary: '会员的专属导购、变更与最近触达', access: wide, params: IdParams }, (_c, { params }) =>
    s.memberGuide.ofMember(params.id),
  );
}
