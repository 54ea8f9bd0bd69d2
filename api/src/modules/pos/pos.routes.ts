/**
 * The counter's routes (/api/pos/..., signed; README "Connecting a POS") and HQ's POS routes:
 * store keys (owner creates and revokes; a 门店店长 sees their own store's), the offline sales list
 * and summary, and the POS settings.
 */
import { HQ_OPERATORS, HQ_OWNER, HQ_STORE_READERS } from '@common/hq/roles';
import { Reply, type ApiRouter } from '../../http/api-router';
import { adminIdOf, storeScopeOf } from '../../http/context';
import type { PosIdentify } from './identify.service';
import type { PosKeys } from './keys.service';
import { posCallerOf } from './pos.auth';
import type { PosReports } from './pos.reports';
import { CreateKeyBody, IdentifyBody, KeyIdParams, ReturnBody, SaleBody, SalesQuery, SettingsBody, StoreIdParams, SummaryQuery } from './pos.schema';
import type { PosReturns } from './returns.service';
import type { Posted } from './sales.service';
import type { PosSales } from './sales.service';
import type { PosSettingsService } from './settings.service';

export const POS_PREFIX = '/api/pos';

export interface PosServices {
  keys: PosKeys;
  identify: PosIdentify;
  sales: PosSales;
  returns: PosReturns;
  reports: PosReports;
  settings: PosSettingsService;
}

/** A first posting answers 201; a retry of the same body 200 with Idempotent-Replayed. */
const posted = <T>(p: Posted<T>) => (p.replayed ? new Reply(p.result, 200, { 'Idempotent-Replayed': 'true' }) : new Reply(p.result, 201));

export function registerPosRoutes(api: ApiRouter, s: PosServices): void {
  const pos = { tag: 'pos', access: 'public' as const };
  api.route({ ...pos, method: 'post', path: `${POS_PREFIX}/members/identify`, summary: 'POS：凭会员码或手机号识别会员（手机号脱敏返回；需签名）', body: IdentifyBody }, (ctx, { body }) =>
    body.memberToken !== undefined ? s.identify.byToken(posCallerOf(ctx), body.memberToken) : s.identify.byPhone(posCallerOf(ctx), body.phone!),
  );
  api.route({ ...pos, method: 'post', path: `${POS_PREFIX}/sales`, summary: 'POS：提交线下销售（按门店+小票号幂等；需签名）', body: SaleBody, status: 201 }, async (ctx, { body }) => posted(await s.sales.post(posCallerOf(ctx), body)));
  api.route({ ...pos, method: 'post', path: `${POS_PREFIX}/returns`, summary: 'POS：按小票提交退货（按门店+退货单号幂等；需签名）', body: ReturnBody, status: 201 }, async (ctx, { body }) => posted(await s.returns.post(posCallerOf(ctx), body)));

  api.route({ method: 'get', path: '/api/hq/stores/:id/pos-keys', tag: 'pos', summary: '门店 POS 密钥（不含密钥明文）', access: { hq: HQ_STORE_READERS }, params: StoreIdParams }, (ctx, { params }) => s.keys.list(params.id, storeScopeOf(ctx)));
  api.route(
    { method: 'post', path: '/api/hq/stores/:id/pos-keys', tag: 'pos', summary: '创建门店 POS 密钥（密钥明文仅此一次返回）', access: { hq: HQ_OWNER }, params: StoreIdParams, body: CreateKeyBody, status: 201, audit: { objectType: 'pos_api_key' } },
    (ctx, { params, body }) => s.keys.create(params.id, body.label, adminIdOf(ctx)),
  );
  api.route(
    { method: 'post', path: '/api/hq/pos-keys/:id/revoke', tag: 'pos', summary: '吊销 POS 密钥', access: { hq: HQ_OWNER }, params: KeyIdParams, audit: { objectType: 'pos_api_key', before: ({ params }) => s.keys.byId(params.id) } },
    (_c, { params }) => s.keys.revoke(params.id),
  );
  api.route({ method: 'get', path: '/api/hq/pos/sales', tag: 'pos', summary: '线下销售（按门店、导购、会员、小票号、北京时间日期筛选）', access: { hq: HQ_STORE_READERS }, query: SalesQuery }, (ctx, { query }) =>
    s.reports.list(query, storeScopeOf(ctx)),
  );
  api.route({ method: 'get', path: '/api/hq/pos/summary', tag: 'pos', summary: '按门店/导购的线下、线上与合计 GMV（北京时间日期，含首尾）', access: { hq: HQ_STORE_READERS }, query: SummaryQuery }, (ctx, { query }) =>
    s.reports.summary(query.from, query.to, storeScopeOf(ctx)),
  );
  // Every HQ role may read the settings (the console shows them to all); only operators change them.
  api.route({ method: 'get', path: '/api/hq/pos/settings', tag: 'pos', summary: 'POS 设置（双倍积分、线下佣金）', access: { hq: HQ_STORE_READERS } }, () => s.settings.get());
  api.route(
    { method: 'put', path: '/api/hq/pos/settings', tag: 'pos', summary: '保存 POS 设置', access: { hq: HQ_OPERATORS }, body: SettingsBody, audit: { objectType: 'pos_setting', before: () => s.settings.get() } },
    (ctx, { body }) => s.settings.put(body, adminIdOf(ctx)),
  );
}
