/**
 * Issue 15: HQ lists that once answered plain arrays now page on the server, filter, and refuse
 * a bad query with a 400 naming the field (campaigns, mall items, banners, stuck deliveries, jobs,
 * coupon templates, stores, segment pushes, guides, commission rates, the points consistency check). One app and database for the file; each list is
 * filled through the API (outbox and segment push rows directly: a stuck delivery needs a failing
 * handler's history, a push a scored segment).
 */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../test/harness';
import { createSku, ok } from '../../test/shopping';
import { createTemplate } from './coupons/coupons.test-support';
import { SegmentPush } from './insight-segments/insight.entities';
import { OutboxDelivery, OutboxEvent } from './outbox/outbox.entities';

let app: TestApp;
let hq: string;

beforeAll(async () => {
  app = await startTestApp();
  hq = await loginHq(app);
});
afterAll(() => app.close());

const get = (path: string) => app.api.get(path, hq);
const refused = async (path: string, field: string) => {
  const res = await get(path);
  expect([res.status, res.body.code, res.body.field]).toEqual([400, 'VALIDATION_FAILED', field]);
};
const ids = (page: { items: { id: number }[] }) => page.items.map((x) => x.id);

describe('HQ list paging', () => {
  it('campaigns: newest start first in pages, by status, title and start day; bad query 400', async () => {
    const sku = await createSku(app, hq, 9900, 500);
    const made: number[] = [];
    for (let d = 1; d <= 5; d++) {
      const body = { title: d === 3 ? '秒杀_100%' : `拼团${d}`, skuId: sku.skuId, groupPriceFen: 6900, groupSize: 2, stock: 10, startAt: `2026-12-0${d} 10:00`, endAt: `2026-12-0${d + 1} 10:00`, groupHours: 2, perShopperLimit: 1 };
      made.push(ok(await app.api.post('/api/hq/groupbuy/campaigns', body, hq), 201).id);
    }
    ok(await app.api.post(`/api/hq/groupbuy/campaigns/${made[0]}/schedule`, {}, hq));
    const p1 = ok(await get('/api/hq/groupbuy/campaigns?pageSize=2'));
    expect(p1).toMatchObject({ page: 1, pageSize: 2, total: 5, hasMore: true });
    expect(ids(p1)).toEqual([made[4], made[3]]);
    const p3 = ok(await get('/api/hq/groupbuy/campaigns?pageSize=2&page=3'));
    expect([ids(p3), p3.hasMore]).toEqual([[made[0]], false]);
    expect(ids(ok(await get('/api/hq/groupbuy/campaigns?status=scheduled')))).toEqual([made[0]]);
    // % and _ are literal: only the title that has them matches.
    expect(ids(ok(await get(`/api/hq/groupbuy/campaigns?keyword=${encodeURIComponent('_100%')}`)))).toEqual([made[2]]);
    // Beijing days: 12-02 and 12-03 (10:00 Beijing) fall inside [from, to].
    expect(ids(ok(await get('/api/hq/groupbuy/campaigns?from=2026-12-02&to=2026-12-03')))).toEqual([made[2], made[1]]);
    await refused('/api/hq/groupbuy/campaigns?status=live', 'status');
    await refused('/api/hq/groupbuy/campaigns?from=2026-12-05&to=2026-12-01', 'to');
    await refused('/api/hq/groupbuy/campaigns?page=0', 'page');
    await refused('/api/hq/groupbuy/campaigns?sort=title', 'sort');
  });

  it('mall items: newest first in pages, by shelf, kind and title; bad query 400', async () => {
    const sku = await createSku(app, hq, 5000, 100);
    const made: number[] = [];
    for (const title of ['保温杯', '雨伞', '帆布袋']) {
      made.push(ok(await app.api.post('/api/hq/pointsmall/items', { title, kind: 'goods', skuId: sku.skuId, pointsPrice: 100, stock: 5, perMemberLimit: 1 }, hq), 201).id);
    }
    ok(await app.api.patch(`/api/hq/pointsmall/items/${made[1]}`, { active: false }, hq));
    const p1 = ok(await get('/api/hq/pointsmall/items?pageSize=2'));
    expect([ids(p1), p1.total, p1.hasMore]).toEqual([[made[2], made[1]], 3, true]);
    expect(ids(ok(await get('/api/hq/pointsmall/items?pageSize=2&page=2')))).toEqual([made[0]]);
    expect(ids(ok(await get('/api/hq/pointsmall/items?active=false')))).toEqual([made[1]]);
    expect(ids(ok(await get('/api/hq/pointsmall/items?active=true&kind=goods')))).toEqual([made[2], made[0]]);
    expect(ok(await get('/api/hq/pointsmall/items?kind=coupon')).total).toBe(0);
    expect(ids(ok(await get(`/api/hq/pointsmall/items?keyword=${encodeURIComponent('杯')}`)))).toEqual([made[0]]);
    await refused('/api/hq/pointsmall/items?active=1', 'active');
    await refused('/api/hq/pointsmall/items?kind=cash', 'kind');
  });

  it('banners: in 首页 order in pages, by shown and title; bad query 400', async () => {
    const made: number[] = [];
    for (const [title, sort, active] of [['冬季上新', 30, true], ['会员日', 10, false], ['新品', 20, true]] as const) {
      made.push(ok(await app.api.post('/api/hq/banners', { title, image: '/assets/banners/a.svg', sort, active }, hq), 201).id);
    }
    const p1 = ok(await get('/api/hq/banners?pageSize=2'));
    expect([ids(p1), p1.total, p1.hasMore]).toEqual([[made[1], made[2]], 3, true]);
    expect(ids(ok(await get('/api/hq/banners?pageSize=2&page=2')))).toEqual([made[0]]);
    expect(ids(ok(await get('/api/hq/banners?active=true')))).toEqual([made[2], made[0]]);
    expect(ids(ok(await get(`/api/hq/banners?keyword=${encodeURIComponent('会员')}`)))).toEqual([made[1]]);
    await refused('/api/hq/banners?active=yes', 'active');
    await refused(`/api/hq/banners?keyword=${'x'.repeat(41)}`, 'keyword');
  });

  it('stuck deliveries: oldest first in pages, by status and handler; done and untried ones never; bad query 400', async () => {
    const ds = app.services.ds;
    const at = new Date('2026-03-01T00:00:00.000Z');
    const ev = await ds.getRepository(OutboxEvent).insert({ type: 'OrderRefunded', aggregateId: '9', payload: '{}', createdAt: at });
    const eventId = Number(ev.identifiers[0].id);
    const rows: [string, OutboxDelivery['status'], number][] = [
      ['test.dead-a', 'dead', 8],
      ['test.retrying', 'pending', 2],
      ['test.untried', 'pending', 0],
      ['test.done', 'done', 1],
      ['test.dead-b', 'dead', 8],
    ];
    const made: number[] = [];
    for (const [handler, status, attempts] of rows) {
      const r = await ds.getRepository(OutboxDelivery).insert({ eventId, handler, status, attempts, nextAttemptAt: at, lockedUntil: null, lastError: attempts ? 'boom' : null, doneAt: null });
      made.push(Number(r.identifiers[0].id));
    }
    const p1 = ok(await get('/api/hq/outbox/stuck?pageSize=2'));
    expect([ids(p1), p1.total, p1.hasMore]).toEqual([[made[0], made[1]], 3, true]);
    expect(p1.items[0]).toMatchObject({ eventId, handler: 'test.dead-a', status: 'dead', lastError: 'boom', type: 'OrderRefunded' });
    expect(ids(ok(await get('/api/hq/outbox/stuck?pageSize=2&page=2')))).toEqual([made[4]]);
    expect(ids(ok(await get('/api/hq/outbox/stuck?status=pending')))).toEqual([made[1]]);
    expect(ids(ok(await get('/api/hq/outbox/stuck?status=dead&handler=test.dead-b')))).toEqual([made[4]]);
    await refused('/api/hq/outbox/stuck?status=done', 'status');
    await refused(`/api/hq/outbox/stuck?handler=${encodeURIComponent("x' OR 1=1")}`, 'handler');
  });

  it('jobs: in pages, by failing and name; bad query 400', async () => {
    const names = app.services.scheduler.names;
    const all = ok(await get('/api/hq/jobs?pageSize=50'));
    expect(all.items.map((j: { name: string }) => j.name)).toEqual(names);
    const p2 = ok(await get('/api/hq/jobs?pageSize=1&page=2'));
    expect([p2.items.map((j: { name: string }) => j.name), p2.total, p2.hasMore]).toEqual([[names[1]], names.length, names.length > 2]);
    expect(ok(await get('/api/hq/jobs?failing=true')).total).toBe(0);
    expect(ok(await get('/api/hq/jobs?failing=false')).total).toBe(names.length);
    const one = ok(await get(`/api/hq/jobs?keyword=${encodeURIComponent(names[0].toUpperCase())}`));
    expect(one.items.map((j: { name: string }) => j.name)).toContain(names[0]);
    await refused('/api/hq/jobs?failing=maybe', 'failing');
    await refused('/api/hq/jobs?pageSize=0', 'pageSize');
  });

  it('coupon templates: newest first in pages, by on/off, 领券中心 and name; bad query 400', async () => {
    const made: number[] = [];
    for (const [name, claimable] of [['分页券满99减10', true], ['分页券_9折', false], ['分页券新人', true]] as const) made.push(await createTemplate(app, hq, { name, claimable }));
    ok(await app.api.patch(`/api/hq/coupon-templates/${made[2]}`, { active: false }, hq));
    const all = `keyword=${encodeURIComponent('分页券')}`;
    const p1 = ok(await get(`/api/hq/coupon-templates?${all}&pageSize=2`));
    expect([ids(p1), p1.total, p1.hasMore]).toEqual([[made[2], made[1]], 3, true]);
    expect(ids(ok(await get(`/api/hq/coupon-templates?${all}&pageSize=2&page=2`)))).toEqual([made[0]]);
    expect(ids(ok(await get(`/api/hq/coupon-templates?${all}&active=false`)))).toEqual([made[2]]);
    expect(ids(ok(await get(`/api/hq/coupon-templates?${all}&active=true&claimable=true`)))).toEqual([made[0]]);
    expect(ids(ok(await get(`/api/hq/coupon-templates?keyword=${encodeURIComponent('_9')}`)))).toEqual([made[1]]);
    await refused('/api/hq/coupon-templates?claimable=1', 'claimable');
    await refused('/api/hq/coupon-templates?status=active', 'status');
  });

  it('stores: in id order in pages, by name or code and city; bad query 400', async () => {
    const made: number[] = [];
    for (const [name, code, city] of [['分页静安店', 'PG-JA', '上海'], ['分页天河店', 'PG-TH', '广州'], ['分页徐汇店', 'PG-XH', '上海']]) {
      made.push(ok(await app.api.post('/api/hq/stores', { name, code, city }, hq), 201).id);
    }
    const all = `keyword=${encodeURIComponent('分页')}`;
    const p1 = ok(await get(`/api/hq/stores?${all}&pageSize=2`));
    expect([ids(p1), p1.total, p1.hasMore]).toEqual([[made[0], made[1]], 3, true]);
    expect(ids(ok(await get(`/api/hq/stores?${all}&pageSize=2&page=2`)))).toEqual([made[2]]);
    expect(ids(ok(await get(`/api/hq/stores?${all}&city=${encodeURIComponent('上海')}`)))).toEqual([made[0], made[2]]);
    expect(ids(ok(await get('/api/hq/stores?keyword=PG-TH')))).toEqual([made[1]]);
    await refused('/api/hq/stores?city=', 'city');
    await refused('/api/hq/stores?pageSize=abc', 'pageSize');
  });

  it('segment pushes: newest first in pages, by segment or tag and Beijing day; bad query 400', async () => {
    const templateId = await createTemplate(app, hq, { name: '分群券' });
    const rows: [string, 'segment' | 'tag', string, string][] = [
      ['pg-a', 'segment', 'potential', '2026-05-01T02:00:00.000Z'],
      ['pg-b', 'tag', 'dormant', '2026-05-02T02:00:00.000Z'],
      ['pg-c', 'segment', 'potential', '2026-05-02T17:00:00.000Z'], // 05-03 01:00 Beijing
      ['pg-d', 'segment', 'important_value', '2026-05-04T02:00:00.000Z'],
    ];
    const made: number[] = [];
    for (const [batchKey, targetKind, target, at] of rows) {
      const r = await app.services.ds.getRepository(SegmentPush).insert({ batchKey, templateId, targetKind, target, status: 'done', members: 1, cursorMemberId: 1, createdBy: 'admin', createdAt: new Date(at), finishedAt: new Date(at) });
      made.push(Number(r.identifiers[0].id));
    }
    const p1 = ok(await get('/api/hq/insight/pushes?pageSize=3'));
    expect([ids(p1), p1.total, p1.hasMore]).toEqual([[made[3], made[2], made[1]], 4, true]);
    expect(p1.items[0]).toMatchObject({ batchKey: 'pg-d', templateName: '分群券', target: { kind: 'segment', segment: 'important_value' }, received: 0 });
    expect(ids(ok(await get('/api/hq/insight/pushes?pageSize=3&page=2')))).toEqual([made[0]]);
    expect(ids(ok(await get('/api/hq/insight/pushes?segment=potential')))).toEqual([made[2], made[0]]);
    expect(ids(ok(await get('/api/hq/insight/pushes?tag=dormant')))).toEqual([made[1]]);
    expect(ids(ok(await get('/api/hq/insight/pushes?from=2026-05-03&to=2026-05-03')))).toEqual([made[2]]);
    await refused('/api/hq/insight/pushes?segment=whales', 'segment');
    await refused('/api/hq/insight/pushes?segment=potential&tag=new', 'tag');
    await refused('/api/hq/insight/pushes?from=2026-05-04&to=2026-05-01', 'to');
  });

  it('guides: in id order in pages, by store, 在职/已离职 and name or 企业微信账号; bad query 400', async () => {
    const storeA = ok(await app.api.post('/api/hq/stores', { name: '分页导购A店', code: 'PG-GA', city: '深圳' }, hq), 201).id;
    const storeB = ok(await app.api.post('/api/hq/stores', { name: '分页导购B店', code: 'PG-GB', city: '深圳' }, hq), 201).id;
    const made: number[] = [];
    for (const [name, wecomUserId, storeId] of [['分页导购甲', 'pg.jia', storeA], ['分页导购乙', 'pg.yi', storeB], ['分页导购_丙', 'pg.bing', storeA], ['员工丁丙', 'pg.ding', storeA]] as const) {
      made.push(ok(await app.api.post('/api/hq/guides', { name, wecomUserId, storeId }, hq), 201).id);
    }
    ok(await app.api.post(`/api/hq/guides/${made[1]}/leave`, {}, hq));
    const all = `keyword=${encodeURIComponent('分页导购')}`;
    const p1 = ok(await get(`/api/hq/guides?${all}&pageSize=2`));
    expect([ids(p1), p1.total, p1.hasMore]).toEqual([[made[0], made[1]], 3, true]);
    expect(p1.items[0]).toMatchObject({ name: '分页导购甲', wecomUserId: 'pg.jia', storeId: storeA, status: 'active' });
    expect(ids(ok(await get(`/api/hq/guides?${all}&pageSize=2&page=2`)))).toEqual([made[2]]);
    expect(ids(ok(await get(`/api/hq/guides?storeId=${storeA}`)))).toEqual([made[0], made[2], made[3]]);
    expect(ids(ok(await get(`/api/hq/guides?storeId=${storeB}&status=active`)))).toEqual([]);
    expect(ids(ok(await get(`/api/hq/guides?${all}&status=left`)))).toEqual([made[1]]);
    expect(ids(ok(await get('/api/hq/guides?keyword=pg.yi')))).toEqual([made[1]]);
    // _ is literal: 员工丁丙 would match a bare wildcard.
    expect(ids(ok(await get(`/api/hq/guides?keyword=${encodeURIComponent('_丙')}`)))).toEqual([made[2]]);
    await refused('/api/hq/guides?status=gone', 'status');
    await refused('/api/hq/guides?storeId=1.5', 'storeId');
    await refused('/api/hq/guides?sort=name', 'sort');
  });

  it('commission rates: in (scope, id) order in pages beside the default, by scope and id; bad query 400', async () => {
    for (const [scope, refId, rateBp] of [['product', 12, 600], ['category', 3, 450], ['product', 11, 500], ['category', 1, 200]] as const) {
      expect(ok(await app.api.call('PUT', '/api/hq/commission-rates', { body: { scope, refId, rateBp }, token: hq }))).toBeNull();
    }
    const keys = (page: { items: { scope: string; refId: number }[] }) => page.items.map((r) => `${r.scope}:${r.refId}`);
    const p1 = ok(await get('/api/hq/commission-rates?pageSize=3'));
    expect([keys(p1), p1.total, p1.hasMore, p1.defaultBp]).toEqual([['category:1', 'category:3', 'product:11'], 4, true, 300]);
    expect(p1.items[1]).toEqual({ scope: 'category', refId: 3, rateBp: 450 });
    expect(keys(ok(await get('/api/hq/commission-rates?pageSize=3&page=2')))).toEqual(['product:12']);
    expect(keys(ok(await get('/api/hq/commission-rates?scope=product')))).toEqual(['product:11', 'product:12']);
    expect(keys(ok(await get('/api/hq/commission-rates?refId=3')))).toEqual(['category:3']);
    expect(ok(await get('/api/hq/commission-rates?scope=product&refId=3')).total).toBe(0);
    await refused('/api/hq/commission-rates?scope=store', 'scope');
    await refused('/api/hq/commission-rates?refId=x', 'refId');
  });

  it('points consistency: a page of accounts in member order, each checked, the page\'s mismatches only on request; bad query 400', async () => {
    const shoppers = [await loginShopper(app), await loginShopper(app), await loginShopper(app)];
    for (const [i, s] of shoppers.entries()) ok(await app.api.post('/api/hq/points/grant', { memberId: s.memberId, points: 10 * (i + 1), reason: '分页对账' }, hq), 201);
    const full = ok(await get('/api/hq/points/consistency?pageSize=500'));
    const members: number[] = full.items.map((r: { memberId: number }) => r.memberId);
    expect(members).toEqual([...members].sort((x, y) => x - y));
    expect(members).toEqual(expect.arrayContaining(shoppers.map((s) => s.memberId)));
    expect([full.total, full.checked, full.mismatched, full.hasMore]).toEqual([members.length, members.length, 0, false]);
    // A balance edited behind the ledger's back: only the page holding that member reports it.
    const [first, broken] = [shoppers[0].memberId, shoppers[1].memberId];
    await app.ds.query('UPDATE points_account SET balance = balance + 1 WHERE member_id = ?', [broken]);
    try {
      const at = members.indexOf(broken) + 1;
      const bad = ok(await get(`/api/hq/points/consistency?pageSize=1&page=${at}&onlyMismatched=true`));
      expect(bad).toMatchObject({ page: at, pageSize: 1, total: members.length, checked: 1, mismatched: 1, hasMore: at < members.length });
      expect(bad.items).toEqual([{ memberId: broken, balance: 21, pending: 0, debt: 0, sumBalance: 20, sumPending: 0, sumDebt: 0, sumLots: 20, consistent: false }]);
      const clean = `/api/hq/points/consistency?pageSize=1&page=${members.indexOf(first) + 1}`;
      expect(ok(await get(`${clean}&onlyMismatched=true`))).toMatchObject({ items: [], checked: 1, mismatched: 0 });
      expect(ok(await get(`${clean}&onlyMismatched=false`)).items).toEqual([expect.objectContaining({ memberId: first, balance: 10, sumLots: 10, consistent: true })]);
      expect(ok(await get('/api/hq/points/consistency?pageSize=501')).pageSize).toBe(500);
    } finally {
      await app.ds.query('UPDATE points_account SET balance = balance - 1 WHERE member_id = ?', [broken]);
    }
    await refused('/api/hq/points/consistency?onlyMismatched=1', 'onlyMismatched');
    await refused('/api/hq/points/consistency?page=0', 'page');
    await refused('/api/hq/points/consistency?memberId=1', 'memberId');
  });
});
