/**
 * Customer groups and cards: groups synced from WeCom (lease job, idempotent, dismissals), HQ's
 * list, kind tag and report (role-checked), the sidebar's group view, and a campaign card sent
 * into a group whose sendChatMessage payload is checked field by field; a shopper who opens its
 * page path records a touch with the chat id, buys, and the order is attributed to the guide with
 * the group as evidence.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { devPay, join, runningCampaign, shopper, type CampaignFixture } from '../groupbuy/groupbuy.test-support';
import { aGuide, type GuideFixture, hqToken } from '../guides/guides.test-support';
import { put, sidebarLogin } from './sidebar.test-support';

describe('sidebar groups and cards', () => {
  let app: TestApp;
  let hq: string;
  let guide: GuideFixture;
  let outsider: GuideFixture;
  let token: string;
  let campaign: CampaignFixture;
  let chatId: string;
  /** A shopper in the group (matched by unionid). */
  let member: Awaited<ReturnType<typeof shopper>>;
  const clock = Date.now();
  beforeAll(async () => {
    app = await startTestApp({}, { now: () => new Date(clock) });
    hq = await hqToken(app);
    guide = await aGuide(app, hq);
    outsider = await aGuide(app, hq, guide.storeId);
    token = await sidebarLogin(app, guide.wecomUserId);
    campaign = await runningCampaign(app, hq, new Date(clock));
  });
  afterAll(() => app.close());
  const fake = () => app.fakeWecom!.sidebar;
  const unionidOf = async (memberId: number) => (await app.ds.query('SELECT unionid FROM member WHERE id = ?', [memberId]))[0].unionid as string;
  const sync = () => app.api.post('/api/hq/wecom-groups/sync', {}, hq);
  const groupRows = async () => app.ds.query('SELECT chat_id, name, owner_user_id, member_count, dismissed, kind FROM wecom_group ORDER BY chat_id');
  const memberRows = async () => app.ds.query('SELECT chat_id, userid, type, unionid FROM wecom_group_member ORDER BY chat_id, userid');

  it('syncs groups from WeCom; a second run changes nothing; a dismissed group is marked once', async () => {
    member = await shopper(app);
    chatId = fake().addGroupChat({ name: '周末快闪群', owner: guide.wecomUserId, members: [{ userid: 'wmExternal1', type: 2, unionid: await unionidOf(member.memberId) }, { userid: 'wmStranger', type: 2 }] });
    const other = fake().addGroupChat({ name: '会员福利群', owner: outsider.wecomUserId, members: [] });
    expect(ok(await sync())).toEqual({ listed: 2, added: 2, updated: 0, dismissed: 0 });
    const rows = await groupRows();
    const members = await memberRows();
    expect(ok(await sync())).toEqual({ listed: 2, added: 0, updated: 0, dismissed: 0 });
    expect(await groupRows()).toEqual(rows);
    expect(await memberRows()).toEqual(members);
    expect(members.filter((m: { chat_id: string }) => m.chat_id === chatId)).toHaveLength(3);

    fake().updateGroupChat(other, { name: '会员福利群（新）' });
    expect(ok(await sync())).toMatchObject({ added: 0, updated: 1, dismissed: 0 });
    fake().dismissGroupChat(other);
    expect(ok(await sync())).toMatchObject({ listed: 1, dismissed: 1 });
    expect(ok(await sync())).toMatchObject({ listed: 1, dismissed: 0 });
    // The job is the same pass under its lease.
    expect(await app.services.scheduler.runOnce('sidebar.group-sync')).toMatchObject({ ran: true, result: { listed: 1, added: 0, updated: 0, dismissed: 0 } });
  });

  it('lets HQ list groups with owner guide, tag them, and checks roles', async () => {
    await app.services.auth.createAdmin('finance17', 'finance-password1', 'finance');
    const analyst = await loginHq(app, 'finance17', 'finance-password1');
    const list = ok(await app.api.get('/api/hq/wecom-groups', analyst));
    const mine = list.items.find((g: { chatId: string }) => g.chatId === chatId);
    expect(mine).toMatchObject({ name: '周末快闪群', ownerUserId: guide.wecomUserId, ownerGuide: { id: guide.id }, memberCount: 3, kind: null, dismissed: false });
    expect((await app.api.post('/api/hq/wecom-groups/sync', {}, analyst)).status).toBe(403);
    expect((await put(app, `/api/hq/wecom-groups/${chatId}/kind`, { kind: 'flash' }, analyst)).status).toBe(403);
    expect((await app.api.get('/api/hq/wecom-groups', token)).status).toBe(403);
    expect(ok(await put(app, `/api/hq/wecom-groups/${chatId}/kind`, { kind: 'flash' }, hq))).toMatchObject({ kind: 'flash', kindLabel: '快闪群' });
    const bad = await put(app, `/api/hq/wecom-groups/${chatId}/kind`, { kind: 'party' }, hq);
    expect({ status: bad.status, field: bad.body.field }).toEqual({ status: 400, field: 'kind' });
    expect((await put(app, '/api/hq/wecom-groups/wrUnknown/kind', { kind: 'vip' }, hq)).status).toBe(404);
    expect(ok(await app.api.get('/api/hq/wecom-groups?kind=flash', hq)).items.map((g: { chatId: string }) => g.chatId)).toEqual([chatId]);
  });

  it('shows the group to its owner guide, with its shopper members, and hides it from others', async () => {
    const view = ok(await app.api.get(`/api/sidebar/groups/${chatId}`, token));
    expect(view).toMatchObject({ chatId, name: '周末快闪群', kind: 'flash', kindLabel: '快闪群', ownerGuide: { id: guide.id }, memberCount: 3, attributed: { orders: 0, gmvFen: 0 }, thisWeek: { signins: 0, groupBuyJoins: 0 } });
    expect(view.shoppers).toEqual([expect.objectContaining({ memberId: member.memberId })]);
    // This week's sign-ins and group-buy joins by the group's shoppers.
    ok(await app.api.post('/api/points/signin', {}, member.token), 201);
    ok(await join(app, member, campaign.campaignId), 201);
    expect(ok(await app.api.get(`/api/sidebar/groups/${chatId}`, token)).thisWeek).toMatchObject({ signins: 1, groupBuyJoins: 1 });
    const outsiderToken = await sidebarLogin(app, outsider.wecomUserId);
    const hidden = await app.api.get(`/api/sidebar/groups/${chatId}`, outsiderToken);
    expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'SIDEBAR_GROUP_NOT_FOUND' });
    expect((await app.api.get('/api/sidebar/groups/wrNeverExisted', token)).status).toBe(404);
    expect((await app.api.get('/api/sidebar/groups/not%20an%20id', token)).body.field).toBe('chatId');
  });

  it('stores a group opened by eight sidebars at once exactly once, members included', async () => {
    const fresh = fake().addGroupChat({ name: '新开的群', owner: guide.wecomUserId, members: [{ userid: 'wmA', type: 2 }, { userid: 'wmB', type: 2 }, { userid: guide.wecomUserId, type: 1 }] });
    const views = await Promise.all(Array.from({ length: 8 }, () => app.api.get(`/api/sidebar/groups/${fresh}`, token)));
    expect(views.map((v) => v.status)).toEqual(Array(8).fill(200));
    expect(Number((await app.ds.query('SELECT COUNT(*) AS n FROM wecom_group WHERE chat_id = ?', [fresh]))[0].n)).toBe(1);
    expect(Number((await app.ds.query('SELECT COUNT(*) AS n FROM wecom_group_member WHERE chat_id = ?', [fresh]))[0].n)).toBe(3);
  });

  it('answers the exact sendChatMessage payload for a campaign card; the card leads to a touch and an order attributed with the group', async () => {
    const targets = ok(await app.api.get('/api/sidebar/targets', token));
    expect(targets.campaigns.map((c: { id: number }) => c.id)).toContain(campaign.campaignId);
    expect(targets.newcomer).toMatchObject({ kind: 'newcomer', id: null });

    const sent = ok(await app.api.post('/api/sidebar/sends', { chatKind: 'group', chatId, targetKind: 'campaign', targetId: campaign.campaignId }, token), 201);
    const { payload } = sent;
    expect(Object.keys(payload).sort()).toEqual(['miniprogram', 'msgtype']);
    expect(payload.msgtype).toBe('miniprogram');
    expect(Object.keys(payload.miniprogram).sort()).toEqual(['appid', 'imgUrl', 'page', 'title']);
    expect(payload.miniprogram.appid).toBe('wx0000000000000000');
    expect(payload.miniprogram.title).toBe('【拼团】爆款拼团 ¥69.00');
    expect(payload.miniprogram.imgUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const page = new URL(payload.miniprogram.page, 'https://x.invalid/');
    expect(page.pathname).toBe('/packages/groupbuy/campaign/index.html');
    expect(page.searchParams.get('id')).toBe(String(campaign.campaignId));
    expect(page.searchParams.get('g')).toBe(chatId);
    const t = page.searchParams.get('t')!;
    expect(app.services.shareTokens.verify(t)).toMatchObject({ kind: 'guide', id: guide.id });
    expect(sent.record).toMatchObject({ chatKind: 'group', chatId, targetKind: 'campaign', targetId: campaign.campaignId, outcome: 'prepared' });
    expect(ok(await put(app, `/api/sidebar/sends/${sent.record.id}/outcome`, { outcome: 'sent' }, token)).outcome).toBe('sent');
    expect((await put(app, `/api/sidebar/sends/${sent.record.id}/outcome`, { outcome: 'failed' }, token)).status).toBe(409);

    // A shopper opens the card: the landing page posts the touch with the chat id from `g`, then joins.
    const buyer = await shopper(app);
    const touched = ok(await app.api.post('/api/guides/touch', { t, groupChatId: page.searchParams.get('g'), path: `/${payload.miniprogram.page.replace('.html', '')}` }, buyer.token));
    expect(touched).toMatchObject({ recorded: true, guideId: guide.id });
    const order = ok(await join(app, buyer, campaign.campaignId), 201);
    await devPay(app, buyer, order.id);
    const attribution = ok(await app.api.get(`/api/hq/orders/${order.id}/attribution`, hq));
    expect(attribution).toMatchObject({ guideId: guide.id, groupChatId: chatId });

    const day = new Date(clock + 8 * 3600_000).toISOString().slice(0, 10);
    const report = ok(await app.api.get(`/api/hq/wecom-groups/${chatId}/report?from=${day}&to=${day}`, hq));
    expect(report).toMatchObject({ chatId, sends: 1, touches: 1, orders: 1, gmvFen: order.payableFen });
    const view = ok(await app.api.get(`/api/sidebar/groups/${chatId}`, token));
    expect(view.attributed).toEqual({ orders: 1, gmvFen: order.payableFen });
  });

  it('sends a product into a one-to-one chat without a chat id in the path; refuses what cannot be sent', async () => {
    const product = ok(await app.api.get('/api/sidebar/targets?kind=product', token)).products[0];
    const sent = ok(await app.api.post('/api/sidebar/sends', { chatKind: 'single', chatId: 'wmCustomer1', targetKind: 'product', targetId: product.id }, token), 201);
    expect(sent.payload.miniprogram.page).toBe(`pages/product/index.html?id=${product.id}&t=${new URL(sent.payload.miniprogram.page, 'https://x.invalid/').searchParams.get('t')}`);
    const missing = await app.api.post('/api/sidebar/sends', { chatKind: 'group', chatId, targetKind: 'product' }, token);
    expect({ status: missing.status, field: missing.body.field }).toEqual({ status: 400, field: 'targetId' });
    const gone = await app.api.post('/api/sidebar/sends', { chatKind: 'group', chatId, targetKind: 'product', targetId: 999999 }, token);
    expect({ status: gone.status, code: gone.body.code }).toEqual({ status: 404, code: 'SIDEBAR_TARGET_NOT_FOUND' });
    const badKind = await app.api.post('/api/sidebar/sends', { chatKind: 'private', chatId, targetKind: 'product', targetId: product.id }, token);
    expect({ status: badKind.status, field: badKind.body.field }).toEqual({ status: 400, field: 'chatKind' });
    // Another guide cannot settle this guide's send.
    const outsiderToken = await sidebarLogin(app, outsider.wecomUserId);
    expect((await put(app, `/api/sidebar/sends/${sent.record.id}/outcome`, { outcome: 'sent' }, outsiderToken)).status).toBe(404);
  });
});
