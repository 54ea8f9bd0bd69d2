/**
 * Every HQ route as every role, walked from the routes' own declarations (/openapi.json's
 * x-hq-roles): 401 without a token, 403 for a role the route does not list, and for a listed role
 * anything but 401/403/5xx. Then the store scope: a store manager gets only their own store's
 * guides, orders, attribution and reports, and 404 (never the data) for another store's.
 */
import { HQ_ROLES, type HqRole } from '@common/auth/types';
import { loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { bindingOf, touch } from '../guides/guides.test-support';
import { world, type World } from './hq-access.test-support';

interface Op {
  method: string;
  path: string;
  roles: HqRole[];
}

/** A path with every parameter filled by an id nobody has (the role check comes before any lookup). */
const concrete = (path: string) => path.replace(/\{[A-Za-z]+\}/g, '987654');

describe('HQ access: every route as every role, and the store scope', () => {
  let app: TestApp;
  let w: World;
  let ops: Op[];
  beforeAll(async () => {
    app = await startTestApp();
    w = await world(app);
    const paths = ((await app.api.get('/openapi.json')).body as unknown as { paths: unknown }).paths as Record<string, Record<string, { 'x-hq-roles'?: HqRole[] }>>;
    ops = Object.entries(paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).flatMap(([method, op]) => (op['x-hq-roles'] ? [{ method: method.toUpperCase(), path, roles: op['x-hq-roles'] }] : [])),
    );
  });
  afterAll(() => app.close());

  it('finds the HQ routes, the console ones included', () => {
    const names = ops.map((o) => `${o.method} ${o.path}`);
    expect(ops.length).toBeGreaterThan(40);
    for (const must of ['GET /api/hq/orders', 'POST /api/hq/accounts', 'GET /api/hq/audit', 'GET /api/hq/overview', 'GET /api/hq/guides/{id}']) expect(names).toContain(must);
  });

  it('answers 401 without a token and 403 with a shopper token, on every HQ route', async () => {
    const shopper = await loginShopper(app);
    for (const op of ops) {
      const anon = await app.api.call(op.method, concrete(op.path), op.method === 'GET' ? {} : { body: {} });
      const asShopper = await app.api.call(op.method, concrete(op.path), { token: shopper.token, ...(op.method === 'GET' ? {} : { body: {} }) });
      expect([`${op.method} ${op.path}`, anon.status, asShopper.status]).toEqual([`${op.method} ${op.path}`, 401, 403]);
    }
  });

  it('answers 403 to every role a route does not list, and never 401/403/5xx to one it does', async () => {
    const seen: Record<HqRole, number> = { owner: 0, operator: 0, finance: 0, store_manager: 0 };
    for (const op of ops) {
      for (const role of HQ_ROLES) {
        const res = await app.api.call(op.method, concrete(op.path), { token: w.tokens[role], ...(op.method === 'GET' ? {} : { body: {} }) });
        const allowed = op.roles.includes(role);
        const label = `${role} ${op.method} ${op.path} → ${res.status} ${res.body.code ?? ''}`;
        if (allowed) {
          seen[role]++;
          expect([label, res.status !== 401 && res.status !== 403 && res.status < 500]).toEqual([label, true]);
        } else {
          expect([label, res.status]).toEqual([label, 403]);
        }
      }
    }
    // The owner may use every HQ route; each other role some but not all.
    expect(seen.owner).toBe(ops.length);
    for (const role of ['operator', 'finance', 'store_manager'] as const) expect(seen[role]).toBeGreaterThan(0);
    for (const role of ['operator', 'finance', 'store_manager'] as const) expect(seen[role]).toBeLessThan(ops.length);
  });

  it("gives a store manager their own store's guide, orders, attribution and reports, and 404 for another store's", async () => {
    const mgr = w.tokens.store_manager;
    const { guideA, guideB, orderA, orderB } = w;
    expect(ok(await app.api.get(`/api/hq/guides/${guideA.id}`, mgr)).id).toBe(guideA.id);
    expect(ok(await app.api.get(`/api/hq/guides/${guideA.id}/commission`, mgr)).figures.guideId).toBe(guideA.id);
    for (const path of [`/api/hq/guides/${guideB.id}`, `/api/hq/guides/${guideB.id}/commission`, `/api/hq/orders/${orderB}`, `/api/hq/orders/${orderB}/attribution`]) {
      const res = await app.api.get(path, mgr);
      expect([path, res.status, JSON.stringify(res.body.data ?? null)]).toEqual([path, 404, 'null']);
    }
    expect(ok(await app.api.get(`/api/hq/orders/${orderA}`, mgr)).id).toBe(orderA);
    expect(ok(await app.api.get(`/api/hq/orders/${orderA}/attribution`, mgr)).guideId).toBe(guideA.id);

    const guides = ok(await app.api.get('/api/hq/guides', mgr));
    expect([guides.items.map((g: { id: number }) => g.id), guides.total]).toEqual([[guideA.id], 1]);
    expect(ok(await app.api.get(`/api/hq/guides?storeId=${guideB.storeId}`, mgr))).toMatchObject({ items: [], total: 0, hasMore: false });
    // A keyword never reaches past the store: guide B's own name finds nothing for this manager.
    const nameB = ok(await app.api.get(`/api/hq/guides/${guideB.id}`, w.tokens.finance)).name;
    expect(ok(await app.api.get(`/api/hq/guides?keyword=${encodeURIComponent(nameB)}`, mgr)).items).toEqual([]);
    expect(ok(await app.api.get('/api/hq/stores', mgr)).items.map((s: { id: number }) => s.id)).toEqual([guideA.storeId]);

    const orders = ok(await app.api.get('/api/hq/orders?pageSize=50', mgr));
    expect(orders.items.map((o: { id: number }) => o.id)).toEqual([orderA]);
    expect(orders.total).toBe(1);
    // HQ-wide roles see both stores' orders.
    const all = ok(await app.api.get('/api/hq/orders?pageSize=50', w.tokens.finance)).items.map((o: { id: number }) => o.id);
    expect(all).toEqual(expect.arrayContaining([orderA, orderB]));

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const report = ok(await app.api.get(`/api/hq/guides/report?from=${today}&to=${today}`, mgr));
    expect(report.map((r: { guideId: number }) => r.guideId)).toEqual([guideA.id]);
    const stores = ok(await app.api.get(`/api/hq/stores/report?from=${today}&to=${today}`, mgr));
    expect(stores.map((r: { storeId: number }) => r.storeId)).toEqual([guideA.storeId]);

    // Customers: a shopper bound (by a share-card touch) to store A's guide is visible, store B's is a 404.
    const customerOf = async (guide: typeof guideA) => {
      const shopper = await loginShopper(app);
      await touch(app, shopper.token, guide.shareToken);
      expect((await bindingOf(app, shopper.memberId))?.guide_id).toBe(guide.id);
      return shopper.memberId;
    };
    const [custA, custB] = [await customerOf(guideA), await customerOf(guideB)];
    expect(ok(await app.api.get(`/api/hq/membership/members/${custA}`, mgr)).card).toBeTruthy();
    ok(await app.api.get(`/api/hq/points/members/${custA}/ledger`, mgr));
    for (const path of [`/api/hq/membership/members/${custB}`, `/api/hq/points/members/${custB}/ledger`]) {
      const res = await app.api.get(path, mgr);
      expect([path, res.status, res.body.data ?? null]).toEqual([path, 404, null]);
    }
    ok(await app.api.get(`/api/hq/membership/members/${custB}`, w.tokens.finance));

    // 概览 reads the aggregates the outbox handlers keep.
    for (let i = 0; i < 4; i++) await app.services.scheduler.runOnce('outbox');
    const overview = ok(await app.api.get('/api/hq/overview', mgr));
    expect(overview.storeId).toBe(guideA.storeId);
    expect(overview.today.orders).toBe(1);
    expect(overview.guideLeaderboard.map((g: { guideId: number }) => g.guideId)).toEqual([guideA.id]);
    expect(ok(await app.api.get('/api/hq/overview', w.owner)).today.orders).toBe(2);
  });

  it('records one audit row for every HQ write that succeeds, and none for one that is refused', async () => {
    const rows = async () => Number((await app.ds.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n);
    let succeeded = 0;
    for (const op of ops.filter((o) => o.method !== 'GET')) {
      // An id nobody has, then id 1 (the first store, guide, product …), with an empty body.
      for (const id of ['987654', '1']) {
        const path = op.path.replace(/\{[A-Za-z]+\}/g, id);
        const before = await rows();
        const res = await app.api.call(op.method, path, { token: w.owner, body: {} });
        const added = (await rows()) - before;
        const label = `${op.method} ${path} → ${res.status}`;
        if (res.status < 300) {
          succeeded++;
          const [last] = await app.ds.query('SELECT action, username FROM audit_log ORDER BY id DESC LIMIT 1');
          expect([label, added, last.action, last.username]).toEqual([label, 1, `${op.method} ${op.path.replace(/\{([A-Za-z]+)\}/g, ':$1')}`, 'admin']);
        } else {
          expect([label, added]).toEqual([label, 0]);
        }
      }
    }
    expect(succeeded).toBeGreaterThan(3);
  });
});
