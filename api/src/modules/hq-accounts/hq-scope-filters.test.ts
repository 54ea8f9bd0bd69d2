/**
 * HQ lists narrowed by store and scope: the order list's store and guide filters (a store manager
 * held to their own store), the WeCom group routes scoped to the owner guide's store (another
 * store's group is a 404), the account search taking % and _ literally on both databases, the
 * capped count of big lists, and 概览 (from the aggregates) against the raw orders.
 */
import { cappedCount } from '../../db/counted-page';
import { startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { put } from '../sidebar/sidebar.test-support';
import { account, world, type World } from './hq-access.test-support';

describe('HQ store and guide filters, WeCom groups by store, account search', () => {
  let app: TestApp;
  let w: World;
  beforeAll(async () => {
    app = await startTestApp();
    w = await world(app);
  });
  afterAll(() => app.close());

  const orderIds = async (token: string, query: string) => {
    const page = ok(await app.api.get(`/api/hq/orders?pageSize=50&${query}`, token));
    expect(page.total).toBe(page.items.length);
    return page.items.map((o: { id: number }) => o.id) as number[];
  };

  it('filters HQ orders by store and by guide', async () => {
    const { owner, guideA, guideB, orderA, orderB } = w;
    expect(await orderIds(owner, `storeId=${guideA.storeId}`)).toEqual([orderA]);
    expect(await orderIds(owner, `storeId=${guideB.storeId}`)).toEqual([orderB]);
    expect(await orderIds(owner, `guideId=${guideB.id}`)).toEqual([orderB]);
    expect(await orderIds(owner, `storeId=${guideA.storeId}&guideId=${guideA.id}&status=paid`)).toEqual([orderA]);
    expect(await orderIds(owner, `storeId=${guideA.storeId}&guideId=${guideB.id}`)).toEqual([]);
    expect(await orderIds(owner, `storeId=${guideA.storeId}&status=shipped`)).toEqual([]);
    expect(await orderIds(owner, 'storeId=987654')).toEqual([]);
    // Unfiltered, HQ sees the unattributed orders too.
    expect((await orderIds(owner, '')).length).toBeGreaterThan(2);
  });

  it("holds a store manager to their own store whatever store or guide they ask for", async () => {
    const mgr = w.tokens.store_manager;
    const { guideA, guideB, orderA } = w;
    expect(await orderIds(mgr, '')).toEqual([orderA]);
    expect(await orderIds(mgr, `storeId=${guideA.storeId}`)).toEqual([orderA]);
    expect(await orderIds(mgr, `guideId=${guideA.id}`)).toEqual([orderA]);
    expect(await orderIds(mgr, `storeId=${guideB.storeId}`)).toEqual([]);
    expect(await orderIds(mgr, `guideId=${guideB.id}`)).toEqual([]);
    expect(await orderIds(mgr, `storeId=${guideB.storeId}&guideId=${guideB.id}`)).toEqual([]);
  });

  it('refuses a store or guide id that is not a positive integer, naming the field', async () => {
    for (const [query, field] of [['storeId=abc', 'storeId'], ['storeId=1.5', 'storeId'], ['guideId=0', 'guideId'], ['guideId=-3', 'guideId'], ['storeId=99999999999', 'storeId']]) {
      const res = await app.api.get(`/api/hq/orders?${query}`, w.owner);
      expect({ query, status: res.status, field: res.body.field }).toEqual({ query, status: 400, field });
    }
  });

  it("shows a store manager only the WeCom groups their store's guides own; another store's is a 404", async () => {
    const fake = app.fakeWecom!.sidebar;
    const mine = fake.addGroupChat({ name: '门店A快闪群', owner: w.guideA.wecomUserId, members: [] });
    const theirs = fake.addGroupChat({ name: '门店B会员群', owner: w.guideB.wecomUserId, members: [] });
    ok(await app.api.post('/api/hq/wecom-groups/sync', {}, w.owner));
    const chats = async (token: string, query = '') => ok(await app.api.get(`/api/hq/wecom-groups?pageSize=50${query}`, token)).items.map((g: { chatId: string }) => g.chatId) as string[];

    const mgr = w.tokens.store_manager;
    expect(await chats(mgr)).toEqual([mine]);
    expect(ok(await app.api.get('/api/hq/wecom-groups', mgr)).total).toBe(1);
    expect(await chats(mgr, `&ownerGuideId=${w.guideA.id}`)).toEqual([mine]);
    expect(await chats(mgr, `&ownerGuideId=${w.guideB.id}`)).toEqual([]);
    expect((await chats(w.tokens.finance)).sort()).toEqual([mine, theirs].sort());

    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const report = (chatId: string, token: string) => app.api.get(`/api/hq/wecom-groups/${chatId}/report?from=${day}&to=${day}`, token);
    expect(ok(await report(mine, mgr)).chatId).toBe(mine);
    const refused = await report(theirs, mgr);
    expect([refused.status, refused.body.data ?? null]).toEqual([404, null]);
    expect(ok(await report(theirs, w.tokens.finance)).chatId).toBe(theirs);
    // Tagging stays with HQ operators.
    expect((await put(app, `/api/hq/wecom-groups/${mine}/kind`, { kind: 'flash' }, mgr)).status).toBe(403);
  });

  it('searches accounts with % and _ matched literally', async () => {
    await account(app, w.owner, 'ops_x1', 'operator');
    await account(app, w.owner, 'opsyx1', 'operator');
    const names = async (q: string) =>
      ok(await app.api.get(`/api/hq/accounts?pageSize=50&q=${encodeURIComponent(q)}`, w.owner)).items.map((a: { username: string }) => a.username) as string[];
    expect(await names('ops_')).toEqual(['ops_x1']);
    expect(await names('s_x')).toEqual(['ops_x1']);
    expect(await names('%')).toEqual([]);
    expect(await names('ops%x1')).toEqual([]);
    expect(await names('!')).toEqual([]);
    expect(await names('opsyx')).toEqual(['opsyx1']);
    expect((await names('ops')).sort()).toEqual(['ops_x1', 'opsyx1']);
  });

  it('counts up to the cap, and says so when a list reaches it', async () => {
    const all = Number((await app.ds.query('SELECT COUNT(*) AS n FROM shop_order'))[0].n);
    expect(all).toBeGreaterThan(3);
    const orders = () => app.ds.createQueryBuilder().from('shop_order', 'o');
    expect(await cappedCount(orders(), 1000)).toBe(all);
    expect(await cappedCount(orders(), 3)).toBe(3);
    expect(await cappedCount(orders().where('o.guide_id = :g', { g: w.guideA.id }), 3)).toBe(1);
    const page = ok(await app.api.get('/api/hq/orders?pageSize=1&page=2', w.owner));
    expect({ total: page.total, hasMore: page.hasMore, capped: page.totalCapped }).toEqual({ total: all, hasMore: all > 2, capped: undefined });
  });

  it('概览 sums the paid orders by Beijing day and guide, with the top products, HQ-wide and for a store', async () => {
    // 概览 reads the aggregates the outbox handlers keep.
    for (let i = 0; i < 4; i++) await app.services.scheduler.runOnce('outbox');
    const paid: { id: number; guide_id: number | null; net: number }[] = await app.ds.query('SELECT id, guide_id, payable_fen - refunded_fen AS net FROM shop_order WHERE paid_at IS NOT NULL');
    const lines: { order_id: number; product_id: number; quantity: number }[] = await app.ds.query('SELECT order_id, product_id, quantity FROM order_line');
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const all = ok(await app.api.get('/api/hq/overview', w.owner));
    expect(all.today).toMatchObject({ orders: paid.length, gmvFen: sum(paid.map((o) => Number(o.net))) });
    expect(all.trend.at(-1)).toMatchObject({ orders: paid.length });
    expect(sum(all.trend.map((d: { orders: number }) => d.orders))).toBe(paid.length);
    expect(all.guideLeaderboard.map((g: { guideId: number; orders: number }) => [g.guideId, g.orders]).sort()).toEqual([[w.guideA.id, 1], [w.guideB.id, 1]].sort());
    const paidIds = new Set(paid.map((o) => Number(o.id)));
    expect(sum(all.topProducts.map((p: { quantity: number }) => p.quantity))).toBe(sum(lines.filter((l) => paidIds.has(Number(l.order_id))).map((l) => Number(l.quantity))));

    const store = ok(await app.api.get('/api/hq/overview', w.tokens.store_manager));
    const mine = lines.filter((l) => Number(l.order_id) === w.orderA);
    expect(store.today.orders).toBe(1);
    expect(store.topProducts.map((p: { productId: number; quantity: number }) => [p.productId, p.quantity])).toEqual(mine.map((l) => [Number(l.product_id), Number(l.quantity)]));
  });
});
