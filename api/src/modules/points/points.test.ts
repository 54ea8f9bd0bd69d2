/**
 * Points and membership over HTTP on the real database: sign-in once a day (also under 20
 * parallel requests), birthday once, HQ grant/deduct with reasons and bad input, a shopper's
 * ledger is their own, and the consistency report.
 */
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { PointsEntry, PointsSignin } from './points.entities';

describe('points and membership routes', () => {
  let app: TestApp;
  let hq: string;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  it('signs in once a day: +5, the calendar shows it, a second sign-in is 409 and writes nothing', async () => {
    const s = await loginShopper(app);
    const first = ok(await app.api.post('/api/points/signin', {}, s.token), 201);
    expect(first).toMatchObject({ streak: 1, points: 5, bonus: 0, balance: 5 });
    const again = await app.api.post('/api/points/signin', {}, s.token);
    expect([again.status, again.body.code, again.body.message]).toEqual([409, 'POINTS_ALREADY_SIGNED_IN', '今天已经签到过了']);
    const status = ok(await app.api.get('/api/points/signin', s.token));
    expect(status).toMatchObject({ signedToday: true, streak: 1, days: [first.day], todayPoints: 5 });
    expect((await app.api.get('/api/points/signin?month=2026-13', s.token)).body.field).toBe('month');
    expect(await app.ds.manager.countBy(PointsEntry, { memberId: s.memberId })).toBe(1);
  });

  it('20 parallel sign-ins the same day give one reward', async () => {
    const s = await loginShopper(app);
    const results = await Promise.all(Array.from({ length: 20 }, () => app.api.post('/api/points/signin', {}, s.token)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) expect([r.status, r.body.code]).toEqual([409, 'POINTS_ALREADY_SIGNED_IN']);
    expect(await app.ds.manager.countBy(PointsSignin, { memberId: s.memberId })).toBe(1);
    expect(await app.ds.manager.countBy(PointsEntry, { memberId: s.memberId })).toBe(1);
    expect(ok(await app.api.get('/api/membership/card', s.token)).points.balance).toBe(5);
  });

  it('a birthday is entered once; a bad date is 400, a change 409', async () => {
    const s = await loginShopper(app);
    for (const birthday of ['1990-02-30', '2999-01-01', '1990/01/01', 19900101]) {
      const res = await app.api.call('PUT', '/api/membership/birthday', { body: { birthday }, token: s.token });
      expect(res.status).toBe(400);
      expect(['BIRTHDAY_INVALID', 'VALIDATION_FAILED']).toContain(res.body.code);
    }
    const card = ok(await app.api.call('PUT', '/api/membership/birthday', { body: { birthday: '1992-02-29' }, token: s.token }));
    expect(card).toMatchObject({ birthday: '1992-02-29', tier: 'basic', tierLabel: '基础会员', next: { tier: 'silver', missing: 1000 } });
    const change = await app.api.call('PUT', '/api/membership/birthday', { body: { birthday: '1992-03-01' }, token: s.token });
    expect([change.status, change.body.code]).toEqual([409, 'BIRTHDAY_ALREADY_SET']);
    expect(ok(await app.api.get('/api/membership/card', s.token)).birthday).toBe('1992-02-29');
  });

  it('HQ grants and deducts with a reason and the operator; never more than the balance; bad input is 400', async () => {
    const s = await loginShopper(app);
    const grant = (body: unknown, headers: Record<string, string> = {}) => app.api.call('POST', '/api/hq/points/grant', { body, token: hq, headers });
    const deduct = (body: unknown) => app.api.call('POST', '/api/hq/points/deduct', { body, token: hq });
    const g = ok(await grant({ memberId: s.memberId, points: 300, reason: '客诉补偿' }, { 'idempotency-key': 'grant-1' }), 201);
    const replay = ok(await grant({ memberId: s.memberId, points: 300, reason: '客诉补偿' }, { 'idempotency-key': 'grant-1' }), 201);
    expect(replay.id).toBe(g.id);
    const entry = await app.ds.manager.findOneByOrFail(PointsEntry, { id: g.id });
    expect(entry).toMatchObject({ kind: 'grant', reason: '客诉补偿', operatorId: expect.any(Number), balanceDelta: 300 });

    for (const [body, field] of [
      [{ memberId: s.memberId, points: 1.5, reason: 'x' }, 'points'],
      [{ memberId: s.memberId, points: -5, reason: 'x' }, 'points'],
      [{ memberId: s.memberId, points: 0, reason: 'x' }, 'points'],
      [{ memberId: s.memberId, points: '10', reason: 'x' }, 'points'],
      [{ memberId: s.memberId, points: 2 ** 31, reason: 'x' }, 'points'],
      [{ memberId: s.memberId, points: 10, reason: '' }, 'reason'],
      [{ memberId: s.memberId, points: 10 }, 'reason'],
      [{ memberId: true, points: 10, reason: 'x' }, 'memberId'],
      [{ memberId: s.memberId, points: 10, reason: 'x', balance: 99 }, 'balance'],
    ] as const) {
      const res = await deduct(body);
      expect([res.status, res.body.code, res.body.field]).toEqual([400, 'VALIDATION_FAILED', field]);
    }
    const over = await deduct({ memberId: s.memberId, points: 301, reason: '误发收回' });
    expect([over.status, over.body.code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    expect((await deduct({ memberId: 999_999, points: 1, reason: 'x' })).status).toBe(404);
    ok(await deduct({ memberId: s.memberId, points: 100, reason: '误发收回' }), 201);
    expect((await app.api.post('/api/hq/points/grant', { memberId: s.memberId, points: 1, reason: 'x' }, s.token)).status).toBe(403);
    expect(ok(await app.api.get('/api/membership/card', s.token)).points).toMatchObject({ balance: 200, pending: 0, debt: 0, expiringSoon: 0 });
  });

  it('a shopper sees only their own ledger; HQ sees any; the consistency report finds nothing wrong', async () => {
    const a = await loginShopper(app);
    const b = await loginShopper(app);
    ok(await app.api.post('/api/hq/points/grant', { memberId: a.memberId, points: 40, reason: '活动奖励' }, hq), 201);
    ok(await app.api.post('/api/points/signin', {}, b.token), 201);
    const mine = ok(await app.api.get('/api/points/ledger?pageSize=5', a.token));
    expect(mine.items.map((e: { reason: string }) => e.reason)).toEqual(['活动奖励']);
    expect(mine).toMatchObject({ total: 1, hasMore: false, summary: { balance: 40 } });
    const theirs = ok(await app.api.get('/api/points/ledger', b.token));
    expect(theirs.items.map((e: { kind: string }) => e.kind)).toEqual(['signin']);
    expect((await app.api.get('/api/points/ledger')).status).toBe(401);
    // Another member's ledger: shoppers have no route naming a member; HQ's route is 403 to them.
    expect((await app.api.get(`/api/hq/points/members/${b.memberId}/ledger`, a.token)).status).toBe(403);
    expect(ok(await app.api.get(`/api/hq/points/members/${a.memberId}/ledger`, hq)).total).toBe(1);
    expect((await app.api.get('/api/hq/points/members/0x6/ledger', hq)).status).toBe(400);
    const report = ok(await app.api.get('/api/hq/points/consistency?pageSize=500', hq));
    expect(report.checked).toBeGreaterThanOrEqual(2);
    expect([report.mismatched, report.hasMore]).toEqual([0, false]);
    // A balance edited behind the ledger's back is reported.
    await app.ds.query('UPDATE points_account SET balance = balance + 1 WHERE member_id = ?', [a.memberId]);
    const broken = ok(await app.api.get('/api/hq/points/consistency?pageSize=500&onlyMismatched=true', hq));
    expect(broken.items).toEqual([expect.objectContaining({ memberId: a.memberId, balance: 41, sumBalance: 40, sumLots: 40, consistent: false })]);
    await app.ds.query('UPDATE points_account SET balance = balance - 1 WHERE member_id = ?', [a.memberId]);
  });

  it('HQ settings: read the defaults, refuse thresholds out of order, save new rules', async () => {
    const s = ok(await app.api.get('/api/hq/membership/settings', hq));
    expect(s.earn).toMatchObject({ pointsPerYuan: 1, signinPoints: 5, referralPoints: 50 });
    const bad = structuredClone(s);
    bad.tiers[2].minGrowth = 10;
    const refused = await app.api.call('PUT', '/api/hq/membership/settings', { body: bad, token: hq });
    expect([refused.status, refused.body.code]).toEqual([400, 'MEMBERSHIP_SETTINGS_INVALID']);
    const fractional = structuredClone(s);
    fractional.earn.signinPoints = 2.5;
    expect((await app.api.call('PUT', '/api/hq/membership/settings', { body: fractional, token: hq })).body.field).toBe('earn.signinPoints');
    const next = structuredClone(s);
    next.earn.signinPoints = 8;
    ok(await app.api.call('PUT', '/api/hq/membership/settings', { body: next, token: hq }));
    const shopper = await loginShopper(app);
    expect(ok(await app.api.post('/api/points/signin', {}, shopper.token), 201).points).toBe(8);
    ok(await app.api.call('PUT', '/api/hq/membership/settings', { body: s, token: hq }));
  });
});
