/** A group's life on the real database: success, bad input, an unpaid seat timing out, the result notices. */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { orderStatus } from '../../../test/payments';
import { campaignRow, devPay, join, liveSeats, runningCampaign, shopper } from './groupbuy.test-support';

let app: TestApp;
let hq: string;
let clock = Date.now();
const MIN = 60_000;

beforeAll(async () => {
  app = await startTestApp({}, { now: () => new Date(clock) });
  hq = await loginHq(app);
});
afterAll(() => app.close());

it('a group of 2: the leader pays and waits (待成团), the second paid seat makes both 待发货; one notice each', async () => {
  const c = await runningCampaign(app, hq, new Date(clock), { size: 2 });
  const a = await shopper(app);
  const b = await shopper(app);
  const sa = ok(await join(app, a, c.campaignId), 201);
  expect(sa).toMatchObject({ kind: 'group_seat', status: 'pending_payment', payableFen: 6900 });
  await devPay(app, a, sa.id);
  expect(await orderStatus(app.ds, sa.id)).toBe('grouping');
  const page = ok(await app.api.get(`/api/groupbuy/groups/${sa.groupId}`, b.token));
  expect(page).toMatchObject({ canJoin: true, offerNewGroup: false, group: { status: 'open', seatsLeft: 1, seatsPaid: 1 } });
  expect(page.group.members).toEqual([expect.objectContaining({ leader: true, paid: true })]);
  const sb = ok(await join(app, b, c.campaignId, sa.groupId), 201);
  expect(sb.groupId).toBe(sa.groupId);
  await devPay(app, b, sb.id);
  expect([await orderStatus(app.ds, sa.id), await orderStatus(app.ds, sb.id)]).toEqual(['paid', 'paid']);
  const after = ok(await app.api.get(`/api/groupbuy/groups/${sa.groupId}`, a.token));
  expect(after.group).toMatchObject({ status: 'succeeded', seatsPaid: 2, mine: true });
  expect(await campaignRow(app, c.campaignId)).toMatchObject({ sold: 2, held: 0, left: 98 });

  await app.services.outbox.drain();
  await app.services.outbox.drain();
  const sends = app.fakeWechat!.subscribeSends.filter((s) => s.page === `packages/groupbuy/group/index?id=${sa.groupId}`);
  expect(sends.map((s) => s.touser).sort()).toEqual([a.openid, b.openid].sort());
  expect(sends.every((s) => s.templateId === 'tmpl-group-success')).toBe(true);

  // A poster: a real PNG mini-program code whose scene opens this group.
  const poster = ok(await app.api.get(`/api/groupbuy/groups/${sa.groupId}/poster`, a.token));
  expect(poster.scene).toBe(`g=${sa.groupId}`);
  expect(Buffer.from(poster.image.replace(/^data:image\/png;base64,/, ''), 'base64').subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(app.fakeWechat!.codesMade).toContainEqual({ scene: `g=${sa.groupId}`, page: 'packages/groupbuy/group/index' });
  expect((await app.api.get('/api/groupbuy/groups/999999/poster', a.token)).status).toBe(404);

  // C opening the full group is offered a new one.
  const cShopper = await shopper(app);
  const seen = ok(await app.api.get(`/api/groupbuy/groups/${sa.groupId}`, cShopper.token));
  expect(seen).toMatchObject({ canJoin: false, offerNewGroup: true, myOrderId: null });
});

describe('bad input: a 4xx with a code, nothing half-written, no unit lost', () => {
  it.each([
    ['own group twice', 'own', 409, 'GROUPBUY_ALREADY_IN_GROUP'],
    ['a full group', 'full', 409, 'GROUPBUY_GROUP_FULL'],
    ['a forged group id', 'forged', 404, 'GROUPBUY_GROUP_NOT_FOUND'],
    ["another campaign's group", 'other', 404, 'GROUPBUY_GROUP_NOT_FOUND'],
    ['a quantity above the limit', 'quantity', 400, 'GROUPBUY_QUANTITY_OVER_LIMIT'],
    ['a campaign that does not exist', 'missing', 404, 'GROUPBUY_CAMPAIGN_NOT_FOUND'],
  ])('%s', async (_name, kind, status, code) => {
    const c = await runningCampaign(app, hq, new Date(clock), { size: 2, limit: 2 });
    const a = await shopper(app);
    const g = ok(await join(app, a, c.campaignId), 201);
    if (kind === 'full') ok(await join(app, await shopper(app), c.campaignId, g.groupId), 201);
    const before = await campaignRow(app, c.campaignId);
    const other = kind === 'other' ? await runningCampaign(app, hq, new Date(clock)) : null;
    const otherGroup = other ? ok(await join(app, await shopper(app), other.campaignId), 201).groupId : 0;
    const who = kind === 'own' ? a : await shopper(app);
    const res =
      kind === 'quantity' ? await join(app, who, c.campaignId, undefined, 3)
      : kind === 'missing' ? await join(app, who, 999_999)
      : await join(app, who, c.campaignId, kind === 'forged' ? 999_999 : kind === 'other' ? otherGroup : g.groupId);
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(await campaignRow(app, c.campaignId)).toEqual(before);
    const [orders] = await app.ds.query("SELECT COUNT(*) AS n FROM shop_order WHERE member_id = ? AND kind = 'group_seat'", [who.memberId]);
    expect(Number(orders.n)).toBe(kind === 'own' ? 1 : 0);
  });

  it('ids are integers only, and the quantity is bounded', async () => {
    const s = await shopper(app);
    for (const body of [{ campaignId: '1', quantity: 1, addressId: s.addressId }, { campaignId: true, quantity: 1, addressId: s.addressId }, { campaignId: [2], quantity: 1, addressId: s.addressId }, { campaignId: 1, quantity: 11, addressId: s.addressId }, { campaignId: 1, groupId: 0, quantity: 1, addressId: s.addressId }]) {
      const res = await app.api.post('/api/groupbuy/join', body, s.token);
      expect(res.status).toBe(400);
      expect(res.body.field).toMatch(/^(campaignId|quantity|groupId)$/);
    }
  });

  it('before the start and after the end: refused, nothing written', async () => {
    const c = await runningCampaign(app, hq, new Date(clock + 10 * MIN));
    const s = await shopper(app);
    const early = await join(app, s, c.campaignId);
    expect([early.status, early.body.code]).toEqual([409, 'GROUPBUY_NOT_STARTED']);
    ok(await app.api.post(`/api/hq/groupbuy/campaigns/${c.campaignId}/end`, {}, hq));
    const ended = await runningCampaign(app, hq, new Date(clock));
    ok(await app.api.post(`/api/hq/groupbuy/campaigns/${ended.campaignId}/end`, {}, hq));
    const late = await join(app, s, ended.campaignId);
    expect([late.status, late.body.code]).toEqual([409, 'GROUPBUY_ENDED']);
    expect(await campaignRow(app, ended.campaignId)).toMatchObject({ held: 0, sold: 0 });
  });
});

it('an unpaid seat that times out frees exactly one unit and its place in the group', async () => {
  const c = await runningCampaign(app, hq, new Date(clock), { size: 3 });
  const a = await shopper(app);
  const b = await shopper(app);
  const sa = ok(await join(app, a, c.campaignId), 201);
  await devPay(app, a, sa.id);
  const sb = ok(await join(app, b, c.campaignId, sa.groupId), 201);
  expect(await campaignRow(app, c.campaignId)).toMatchObject({ sold: 1, held: 1, left: 98 });
  clock += 16 * MIN;
  await app.services.scheduler.runOnce('order-timeout');
  await app.services.scheduler.runOnce('order-timeout');
  expect(await orderStatus(app.ds, sb.id)).toBe('cancelled');
  expect(await campaignRow(app, c.campaignId)).toMatchObject({ sold: 1, held: 0, left: 99 });
  expect(await liveSeats(app, 'group_id = ?', [sa.groupId])).toBe(1);
  // B may join again: the lapsed seat no longer counts against them or the group.
  ok(await join(app, b, c.campaignId, sa.groupId), 201);
});
