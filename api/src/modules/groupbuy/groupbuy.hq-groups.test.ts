/** HQ: a campaign's groups with their seats (团与名额), by status, paged; bad filters name the field. */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { devPay, join, runningCampaign, shoppers } from './groupbuy.test-support';

describe('HQ campaign groups', () => {
  let app: TestApp;
  let hq: string;
  const now = new Date();
  beforeAll(async () => {
    app = await startTestApp({}, { now: () => now });
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  it('lists each group with who holds a seat, leader first, paid or awaiting payment', async () => {
    const c = await runningCampaign(app, hq, now, { size: 2 });
    const [a, b, d] = await shoppers(app, 3);
    const opened = ok(await join(app, a, c.campaignId), 201);
    await devPay(app, a, opened.id);
    ok(await join(app, b, c.campaignId, opened.groupId), 201);
    ok(await join(app, d, c.campaignId), 201);

    const all = ok(await app.api.get(`/api/hq/groupbuy/campaigns/${c.campaignId}/groups`, hq));
    expect(all.total).toBe(2);
    const first = all.items.find((g: { id: number }) => g.id === opened.groupId);
    expect(first).toMatchObject({ status: 'open', size: 2, seatsTaken: 2, seatsPaid: 1, seatsLeft: 0, mine: false });
    expect(first.members.map((m: { leader: boolean; paid: boolean }) => [m.leader, m.paid])).toEqual([
      [true, true],
      [false, false],
    ]);
    const open = ok(await app.api.get(`/api/hq/groupbuy/campaigns/${c.campaignId}/groups?status=succeeded`, hq));
    expect(open.total).toBe(0);
    expect((await app.api.get(`/api/hq/groupbuy/campaigns/${c.campaignId}/groups?status=won`, hq)).body.field).toBe('status');
    expect((await app.api.get('/api/hq/groupbuy/campaigns/999999/groups', hq)).status).toBe(404);
  });
});
