/**
 * The ledger against the real database (MariaDB and SQLite): idempotent keys, lots oldest first,
 * pending → available, clawback debt repaid by later earnings, returns to the original lots, and
 * the races: 50 parallel debits against one balance, two expiry runs at once.
 */
import { startTestApp, type TestApp } from '../../../test/harness';
import { balanceOf, clawback, confirmPending, credit, debit, expireLot, returnDebit, voidPending } from './ledger';
import { expectConsistent, figures, inTx, settle } from './ledger.test-support';
import { PointsEntry, PointsLot } from './points.entities';

describe('points ledger', () => {
  let app: TestApp;
  let nextMember = 1000;
  const member = () => ++nextMember;
  const t0 = new Date('2026-03-01T04:00:00Z');

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('a repeated key is a no-op answering the first entry', async () => {
    const id = member();
    const a = await inTx(app, (m) => credit(m, { memberId: id, points: 30, key: `t:${id}:a`, reason: '测试', kind: 'grant', now: t0 }));
    const b = await inTx(app, (m) => credit(m, { memberId: id, points: 99, key: `t:${id}:a`, reason: '测试', kind: 'grant', now: t0 }));
    expect(b.id).toBe(a.id);
    expect(await inTx(app, (m) => balanceOf(m, id))).toEqual({ balance: 30, pending: 0, debt: 0 });
    const d1 = await inTx(app, (m) => debit(m, { memberId: id, points: 10, key: `t:${id}:d`, reason: '抵扣', now: t0 }));
    const d2 = await inTx(app, (m) => debit(m, { memberId: id, points: 10, key: `t:${id}:d`, reason: '抵扣', now: t0 }));
    expect(d2.id).toBe(d1.id);
    expectConsistent(await figures(app, id));
    expect((await figures(app, id)).balance).toBe(20);
  });

  it('refuses amounts that are not positive integers, writing nothing', async () => {
    const id = member();
    for (const points of [0, -5, 1.5, Number.NaN, 1e12]) {
      const r = await settle(inTx(app, (m) => credit(m, { memberId: id, points, key: `t:${id}:${points}`, reason: 'x', kind: 'grant' })));
      expect(r.ok ? 'ok' : r.error.code).toBe('POINTS_AMOUNT_INVALID');
    }
    expect(await app.ds.manager.countBy(PointsEntry, { memberId: id })).toBe(0);
  });

  it('spends lots oldest expiry first and gives a cancelled spend back to the same lots', async () => {
    const id = member();
    const late = new Date('2028-01-01T00:00:00Z');
    const early = new Date('2027-01-01T00:00:00Z');
    await inTx(app, (m) => credit(m, { memberId: id, points: 50, key: `t:${id}:late`, reason: 'a', kind: 'grant', expiresAt: late, now: t0 }));
    await inTx(app, (m) => credit(m, { memberId: id, points: 40, key: `t:${id}:early`, reason: 'b', kind: 'grant', expiresAt: early, now: t0 }));
    await inTx(app, (m) => debit(m, { memberId: id, points: 60, key: `t:${id}:spend`, reason: '抵扣', now: t0 }));
    const lots = await app.ds.manager.find(PointsLot, { where: { memberId: id }, order: { expiresAt: 'ASC' } });
    expect(lots.map((l) => l.remaining)).toEqual([0, 30]);
    // A partial return refills the later-expiring lot first, then the rest goes back too.
    await inTx(app, (m) => returnDebit(m, { key: `t:${id}:spend`, returnKey: `t:${id}:ret1`, points: 15, now: t0 }));
    await inTx(app, (m) => returnDebit(m, { key: `t:${id}:spend`, returnKey: `t:${id}:ret2`, now: t0 }));
    expect(await inTx(app, (m) => returnDebit(m, { key: `t:${id}:spend`, returnKey: `t:${id}:ret3`, now: t0 }))).toBeNull();
    const after = await app.ds.manager.find(PointsLot, { where: { memberId: id }, order: { expiresAt: 'ASC' } });
    expect(after.map((l) => l.remaining)).toEqual([40, 50]);
    expectConsistent(await figures(app, id));
  });

  it('a spend returned after its lot expired comes back as a new lot with the default expiry', async () => {
    const id = member();
    const soon = new Date(t0.getTime() + 3600_000);
    await inTx(app, (m) => credit(m, { memberId: id, points: 20, key: `t:${id}:g`, reason: 'g', kind: 'grant', expiresAt: soon, now: t0 }));
    await inTx(app, (m) => debit(m, { memberId: id, points: 20, key: `t:${id}:s`, reason: 's', now: t0 }));
    const later = new Date(soon.getTime() + 1);
    await inTx(app, (m) => returnDebit(m, { key: `t:${id}:s`, returnKey: `t:${id}:r`, now: later }));
    const lots = await app.ds.manager.find(PointsLot, { where: { memberId: id }, order: { id: 'ASC' } });
    expect(lots.map((l) => [l.remaining, l.expiresAt.toISOString()])).toEqual([
      [0, soon.toISOString()],
      [20, '2027-12-31T16:00:00.000Z'],
    ]);
    expectConsistent(await figures(app, id));
  });

  it('pending points become available on confirm; a void before takes part back; both once', async () => {
    const id = member();
    const key = `order:${id}:earn`;
    await inTx(app, (m) => credit(m, { memberId: id, points: 100, key, reason: '购物', kind: 'earn', pending: true, now: t0 }));
    expect(await inTx(app, (m) => balanceOf(m, id))).toEqual({ balance: 0, pending: 100, debt: 0 });
    await inTx(app, (m) => voidPending(m, { key, voidKey: `${key}:void:1`, points: 30, now: t0 }));
    await inTx(app, (m) => confirmPending(m, { key, confirmKey: `${key}:confirm`, now: t0 }));
    await inTx(app, (m) => confirmPending(m, { key, confirmKey: `${key}:confirm`, now: t0 }));
    expect(await inTx(app, (m) => balanceOf(m, id))).toEqual({ balance: 70, pending: 0, debt: 0 });
    expectConsistent(await figures(app, id));
  });

  it('a clawback beyond the balance leaves debt that the next earning repays first', async () => {
    const id = member();
    await inTx(app, (m) => credit(m, { memberId: id, points: 100, key: `t:${id}:earn`, reason: '购物', kind: 'earn', now: t0 }));
    await inTx(app, (m) => debit(m, { memberId: id, points: 80, key: `t:${id}:spend`, reason: '抵扣', now: t0 }));
    await inTx(app, (m) => clawback(m, { memberId: id, points: 100, key: `t:${id}:claw`, reason: '退款扣回', now: t0 }));
    expect(await inTx(app, (m) => balanceOf(m, id))).toEqual({ balance: 0, pending: 0, debt: 80 });
    await inTx(app, (m) => credit(m, { memberId: id, points: 5, key: `t:${id}:signin`, reason: '签到', kind: 'signin', now: t0 }));
    await inTx(app, (m) => credit(m, { memberId: id, points: 100, key: `t:${id}:earn2`, reason: '购物', kind: 'earn', now: t0 }));
    expect(await inTx(app, (m) => balanceOf(m, id))).toEqual({ balance: 25, pending: 0, debt: 0 });
    expectConsistent(await figures(app, id));
  });

  it('50 parallel debits against one balance never overspend', async () => {
    const id = member();
    await inTx(app, (m) => credit(m, { memberId: id, points: 500, key: `t:${id}:g1`, reason: 'g', kind: 'grant', now: t0 }));
    await inTx(app, (m) => credit(m, { memberId: id, points: 230, key: `t:${id}:g2`, reason: 'g', kind: 'grant', expiresAt: new Date('2026-12-01T00:00:00Z'), now: t0 }));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => settle(inTx(app, (m) => debit(m, { memberId: id, points: 20, key: `t:${id}:p${i}`, reason: '兑换', now: t0 })))),
    );
    const ok = results.filter((r) => r.ok).length;
    for (const r of results) if (!r.ok) expect(r.error.code ?? String(r.error)).toBe('POINTS_INSUFFICIENT');
    expect(ok).toBe(36); // 730 / 20
    for (const r of results) if (!r.ok) expect(r.error.code ?? String(r.error)).toBe('POINTS_INSUFFICIENT');
    const f = await figures(app, id);
    expect(f.balance).toBe(10);
    expectConsistent(f);
  });

  it('two expiry runs at once expire each lot once', async () => {
    const id = member();
    const exp = new Date(t0.getTime() + 1000);
    for (let i = 0; i < 5; i++) await inTx(app, (m) => credit(m, { memberId: id, points: 10 + i, key: `t:${id}:l${i}`, reason: 'g', kind: 'grant', expiresAt: exp, now: t0 }));
    await inTx(app, (m) => debit(m, { memberId: id, points: 12, key: `t:${id}:s`, reason: 's', now: t0 }));
    const lots = await app.ds.manager.findBy(PointsLot, { memberId: id });
    const later = new Date(exp.getTime() + 1);
    const run = () => Promise.all(lots.map((l) => inTx(app, (m) => expireLot(m, l.id, later))));
    await Promise.all([run(), run()]);
    const expiries = await app.ds.manager.findBy(PointsEntry, { memberId: id, kind: 'expire' });
    expect(expiries).toHaveLength(4); // the first lot was spent whole
    expect(expiries.reduce((s, e) => s + e.points, 0)).toBe(60 - 12);
    const f = await figures(app, id);
    expect(f.balance).toBe(0);
    expectConsistent(f);
  });
});
