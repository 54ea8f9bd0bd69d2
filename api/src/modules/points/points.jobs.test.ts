/**
 * Jobs on a controlled clock: the expiry job (two runs at once expire each lot once), the
 * 30-day reminder (one event per member and date, also when two runs race), and the monthly
 * tier review (a refund's lower growth lowers the tier only on the 1st, Shanghai time).
 */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { MemberTierLog } from '../membership/membership.entities';
import { OutboxEvent } from '../outbox/outbox.entities';
import { PointsEntry } from './points.entities';

describe('points jobs', () => {
  let app: TestApp;
  let hq: string;
  let clock = new Date('2026-06-15T04:00:00Z');
  beforeAll(async () => {
    app = await startTestApp({}, { now: () => clock });
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  it('expires lots at the end of the following year, once, with a reminder 30 days before', async () => {
    const a = await loginShopper(app);
    const b = await loginShopper(app);
    for (const s of [a, b]) ok(await app.api.post('/api/hq/points/grant', { memberId: s.memberId, points: 120, reason: '活动奖励' }, hq), 201);
    // Sessions would expire as the clock jumps: the rest goes through the services.
    const { admin, jobs, reads } = app.services.points;
    clock = new Date('2027-01-10T04:00:00Z');
    await admin.grant(1, { memberId: a.memberId, points: 30, reason: '活动奖励' });
    await admin.deduct(1, { memberId: a.memberId, points: 20, reason: '兑换' });

    clock = new Date('2027-11-30T04:00:00Z'); // not yet within 30 days of 2027-12-31 24:00 Shanghai
    expect(await jobs.remindExpiring()).toBe(0);
    clock = new Date('2027-12-05T04:00:00Z');
    const sent = await Promise.all([jobs.remindExpiring(), jobs.remindExpiring()]);
    expect(sent[0] + sent[1]).toBe(2);
    const reminders = await app.ds.manager.findBy(OutboxEvent, { type: 'PointsExpiring' });
    expect(reminders.map((e) => JSON.parse(e.payload)).sort((x, y) => x.memberId - y.memberId)).toEqual([
      { memberId: a.memberId, points: 100, expiresAt: '2027-12-31T16:00:00.000Z' },
      { memberId: b.memberId, points: 120, expiresAt: '2027-12-31T16:00:00.000Z' },
    ]);
    expect(await reads.summary(a.memberId)).toMatchObject({ balance: 130, expiringSoon: 100, expiringOn: '2027-12-31' });

    clock = new Date('2027-12-31T15:59:59.999Z'); // last instant of 2027 in Shanghai
    expect(await jobs.expireDue()).toBe(0);
    clock = new Date('2027-12-31T16:00:00.000Z');
    const runs = await Promise.all([jobs.expireDue(), jobs.expireDue()]);
    expect(runs[0] + runs[1]).toBe(2);
    expect(await app.ds.manager.countBy(PointsEntry, { kind: 'expire' })).toBe(2);
    expect(await reads.summary(a.memberId)).toMatchObject({ balance: 30, expiringSoon: 0 });
    expect((await reads.summary(b.memberId)).balance).toBe(0);
    expect(await reads.consistency({ page: 1, pageSize: 500, onlyMismatched: true })).toMatchObject({ items: [], mismatched: 0, checked: 2, hasMore: false });
  });

  it('a tier falls only at the monthly review (1st of the month, Shanghai), logged with its reason', async () => {
    const s = await loginShopper(app);
    clock = new Date('2028-03-10T04:00:00Z');
    const profiles = app.services.points.profiles;
    await app.services.tx.run((m) => profiles.addGrowth(m, s.memberId, 'test:order:1:growth', 1200, clock));
    await app.services.tx.run((m) => profiles.addGrowth(m, s.memberId, 'test:refund:1:growth', -500, clock));
    const card = () => profiles.card(s.memberId, { balance: 0, pending: 0, debt: 0, expiringSoon: 0, expiringOn: null });
    expect(await card()).toMatchObject({ tier: 'silver', growth: 700 });
    expect(await profiles.reviewAll()).toBe(0); // not a review day
    clock = new Date('2028-03-31T16:00:00Z'); // 1 April 00:00 Shanghai
    expect(await profiles.reviewAll()).toBeGreaterThanOrEqual(1);
    expect(await profiles.reviewAll()).toBe(0);
    expect(await card()).toMatchObject({ tier: 'basic', growth: 700 });
    const log = await app.ds.manager.find(MemberTierLog, { where: { memberId: s.memberId }, order: { id: 'ASC' } });
    expect(log.map((l) => [l.fromTier, l.toTier, l.reason])).toEqual([
      ['basic', 'silver', 'growth:test:order:1:growth'],
      ['silver', 'basic', 'review:2028-04'],
    ]);
  });
});
