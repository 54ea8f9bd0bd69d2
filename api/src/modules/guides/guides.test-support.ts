/** Helpers for the guides integration tests (not loaded by the app). */
import { loginHq, loginShopper, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';

export interface GuideFixture {
  id: number;
  storeId: number;
  wecomUserId: string;
  /** The guide's own shopper account (linked by binding code). */
  token: string;
  memberId: number;
  openid: string;
  shareToken: string;
}

let seq = 0;

export async function hqToken(app: TestApp): Promise<string> {
  return loginHq(app);
}

export async function aStore(app: TestApp, hq: string): Promise<number> {
  seq++;
  return ok(await app.api.post('/api/hq/stores', { name: `测试门店${seq}`, code: `S${process.pid}${seq}`, city: '深圳' }, hq), 201).id;
}

/** A guide in a store, linked to a shopper account through a binding code, with their share token. */
export async function aGuide(app: TestApp, hq: string, storeId?: number): Promise<GuideFixture> {
  seq++;
  const sid = storeId ?? (await aStore(app, hq));
  const wecomUserId = `guide${process.pid}x${seq}`;
  const g = ok(await app.api.post('/api/hq/guides', { name: `导购${seq}`, wecomUserId, storeId: sid }, hq), 201);
  const { code } = ok(await app.api.post(`/api/hq/guides/${g.id}/binding-code`, {}, hq));
  const account = await loginShopper(app);
  ok(await app.api.post('/api/guides/link', { code }, account.token));
  const me = ok(await app.api.get('/api/guide/me', account.token));
  return { id: g.id, storeId: sid, wecomUserId, token: account.token, memberId: account.memberId, openid: account.openid, shareToken: me.shareToken };
}

export async function touch(app: TestApp, token: string, t: string, extra: Record<string, unknown> = {}) {
  return ok(await app.api.post('/api/guides/touch', { t, path: '/pages/product/index', ...extra }, token));
}

export async function bindingOf(app: TestApp, memberId: number): Promise<{ guide_id: number; source: string } | undefined> {
  const [row] = await app.ds.query('SELECT guide_id, source FROM guide_binding WHERE member_id = ?', [memberId]);
  return row ? { guide_id: Number(row.guide_id), source: row.source } : undefined;
}

