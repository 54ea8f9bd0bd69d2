/**
 * HQ's member list and the member detail's reads over HTTP on the real database: search by id,
 * nickname prefix (wildcards literal) and mobile number (the address book), newest first and paged;
 * each member's RFM segment and the segment filter (alone and with a search);
 * a member's orders, coupons and guide; bad input is 400 naming the field.
 */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { placeOrder } from '../../../test/payments';
import { addressesOf, anAddress, ok } from '../../../test/shopping';
import { searchOf } from './members.hq';

test('one search box: digits are an id (and a nickname start), a mobile number also the address book', () => {
  expect(searchOf(undefined)).toEqual({ search: {}, phone: null });
  expect(searchOf('  ')).toEqual({ search: {}, phone: null });
  expect(searchOf('42')).toEqual({ search: { nicknamePrefix: '42', id: 42 }, phone: null });
  expect(searchOf('13912345678')).toEqual({ search: { nicknamePrefix: '13912345678' }, phone: '13912345678' });
  expect(searchOf('小')).toEqual({ search: { nicknamePrefix: '小' }, phone: null });
  expect(searchOf('0')).toEqual({ search: { nicknamePrefix: '0' }, phone: null });
});

describe('HQ members', () => {
  let app: TestApp;
  let hq: string;
  let members: { token: string; memberId: number }[];
  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
    members = [];
    for (const nickname of ['小红', '小红书迷', '张三', '100%好评']) {
      const s = await loginShopper(app);
      await app.ds.query('UPDATE member SET nickname = ? WHERE id = ?', [nickname, s.memberId]);
      members.push(s);
    }
    ok(await addressesOf(app, members[2].token).create(anAddress({ phone: '13912345678' })), 201);
  });
  afterAll(() => app.close());

  const list = (q: string) => app.api.get(`/api/hq/members?${q}`, hq);
  const ids = (page: { items: { id: number }[] }) => page.items.map((m) => m.id);

  it('lists members newest first, paged on the server', async () => {
    const page = ok(await list('page=1&pageSize=2'));
    expect(page).toMatchObject({ page: 1, pageSize: 2, total: 4, hasMore: true });
    expect(ids(page)).toEqual([members[3].memberId, members[2].memberId]);
    expect(page.items[0]).toMatchObject({ nickname: '100%好评', avatarUrl: null });
  });

  it('finds by nickname prefix, id and mobile number; a wildcard is literal', async () => {
    expect(ids(ok(await list(`q=${encodeURIComponent('小红')}`)))).toEqual([members[1].memberId, members[0].memberId]);
    expect(ids(ok(await list(`q=${encodeURIComponent('红')}`)))).toEqual([]);
    expect(ids(ok(await list(`q=${members[2].memberId}`)))).toEqual([members[2].memberId]);
    expect(ids(ok(await list('q=13912345678')))).toEqual([members[2].memberId]);
    expect(ids(ok(await list(`q=${encodeURIComponent('100%')}`)))).toEqual([members[3].memberId]);
    expect(ids(ok(await list(`q=${encodeURIComponent('%')}`)))).toEqual([]);
  });

  it("shows each member's RFM segment and filters by one, alone and with a search", async () => {
    await app.services.outbox.drain();
    // Two of them scored 重要价值 (as the insight module's nightly job would).
    const valued = [members[0].memberId, members[3].memberId];
    await app.ds.query(`UPDATE member_insight SET segment = 'important_value' WHERE member_id IN (?, ?)`, valued);
    const all = ok(await list('pageSize=10'));
    expect(all.items.map((m: { id: number; segment: string }) => [m.id, m.segment])).toEqual([
      [members[3].memberId, 'important_value'],
      [members[2].memberId, 'potential'],
      [members[1].memberId, 'potential'],
      [members[0].memberId, 'important_value'],
    ]);
    const first = ok(await list('segment=important_value&pageSize=1'));
    expect(first).toMatchObject({ page: 1, pageSize: 1, total: 2, hasMore: true, items: [{ id: members[3].memberId, nickname: '100%好评', segment: 'important_value' }] });
    expect(ids(ok(await list('segment=important_value&page=2&pageSize=1')))).toEqual([members[0].memberId]);
    expect(ok(await list('segment=important_value&page=2&pageSize=1')).hasMore).toBe(false);
    expect(ids(ok(await list('segment=potential')))).toEqual([members[2].memberId, members[1].memberId]);
    expect(ok(await list('segment=general_retain'))).toMatchObject({ total: 0, items: [] });
    // With the search box: 小红 matches two members, one of them 重要价值; a phone within its segment or not.
    expect(ok(await list(`segment=important_value&q=${encodeURIComponent('小红')}`))).toMatchObject({ total: 1, items: [{ id: members[0].memberId }] });
    expect(ids(ok(await list('segment=potential&q=13912345678')))).toEqual([members[2].memberId]);
    expect(ok(await list('segment=important_value&q=13912345678'))).toMatchObject({ total: 0, items: [] });
  });

  it('refuses bad input naming the field, and answers only HQ', async () => {
    for (const [q, field] of [['page=0', 'page'], ['pageSize=abc', 'pageSize'], [`q=${'x'.repeat(33)}`, 'q'], ['segment=vip', 'segment']]) {
      const res = await list(q);
      expect([res.status, res.body.issues?.[0]?.field ?? res.body.field]).toEqual([400, field]);
    }
    expect((await app.api.get('/api/hq/members', members[0].token)).status).toBe(403);
  });

  it("shows a member's orders, coupons and guide; a member with none gets empty answers", async () => {
    const shopper = await loginShopper(app);
    const order = await placeOrder(app, { priceFen: 5_000, hq, shopper });
    const orders = ok(await app.api.get(`/api/hq/members/${shopper.memberId}/orders?pageSize=5`, hq));
    expect(orders).toMatchObject({ total: 1, items: [{ id: order.orderId, orderNo: order.orderNo }] });
    expect(ok(await app.api.get(`/api/hq/members/${members[0].memberId}/orders`, hq))).toMatchObject({ total: 0, items: [] });
    expect(ok(await app.api.get(`/api/hq/members/${shopper.memberId}/coupons`, hq))).toEqual(expect.any(Array));
    expect(ok(await app.api.get(`/api/hq/members/${shopper.memberId}/guide`, hq))).toEqual({ binding: null, changes: [], touches: [] });
    for (const path of ['orders', 'coupons', 'guide']) {
      const res = await app.api.get(`/api/hq/members/0/${path}`, hq);
      expect([res.status, res.body.issues?.[0]?.field ?? res.body.field]).toEqual([400, 'id']);
    }
  });
});
