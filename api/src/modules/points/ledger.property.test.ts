/**
 * Property test (fast-check) against the real database: random sequences of earn, complete,
 * spend, cancel, refund, grant and expire keep every invariant after every step —
 * balance = Σ entries = Σ lots, pending and debt = Σ their deltas, nothing negative, debt only
 * from a clawback's recorded shortfall — and every spend takes a prefix of the lots in expiry order.
 */
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../../../test/harness';
import { clawback, confirmPending, credit, debit, expireLot, returnDebit, voidPending } from './ledger';
import { expectConsistent, figures, inTx, settle } from './ledger.test-support';
import { PointsEntry, PointsLot, PointsLotUse } from './points.entities';

type Cmd =
  | { op: 'earn'; order: number; points: number }
  | { op: 'complete'; order: number }
  | { op: 'refund'; order: number; points: number }
  | { op: 'grant'; points: number; days: number }
  | { op: 'spend'; points: number }
  | { op: 'cancel'; spend: number; points: number | null }
  | { op: 'advance'; days: number };

const order = fc.integer({ min: 0, max: 3 });
const amount = fc.integer({ min: 1, max: 300 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ op: fc.constant('earn' as const), order, points: amount }),
  fc.record({ op: fc.constant('complete' as const), order }),
  fc.record({ op: fc.constant('refund' as const), order, points: amount }),
  fc.record({ op: fc.constant('grant' as const), points: amount, days: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('spend' as const), points: amount }),
  fc.record({ op: fc.constant('cancel' as const), spend: fc.nat({ max: 5 }), points: fc.option(amount, { nil: null }) }),
  fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 30 }) }),
);

describe('points ledger properties', () => {
  let app: TestApp;
  let run = 0;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('random sequences keep balance = Σ ledger, never negative, lots spent oldest first', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 5, maxLength: 25 }), async (cmds) => {
        const memberId = 50_000 + ++run;
        let now = new Date('2026-06-01T00:00:00Z');
        const spends: string[] = [];
        let n = 0;
        for (const c of cmds) {
          const key = `p:${memberId}:${++n}`;
          const earnKey = (o: number) => `p:${memberId}:order:${o}:earn`;
          if (c.op === 'earn') await inTx(app, (m) => credit(m, { memberId, points: c.points, key: earnKey(c.order), reason: '购物', kind: 'earn', pending: true, now }));
          if (c.op === 'complete') await inTx(app, (m) => confirmPending(m, { key: earnKey(c.order), confirmKey: `${earnKey(c.order)}:confirm`, now }));
          if (c.op === 'refund') {
            // Before completion the pending part is voided; after it, the points are clawed back.
            const confirmed = await app.ds.manager.findOneBy(PointsEntry, { key: `${earnKey(c.order)}:confirm` });
            if (confirmed) await inTx(app, (m) => clawback(m, { memberId, points: Math.min(c.points, confirmed.points), key, reason: '退款', now }));
            else await inTx(app, (m) => voidPending(m, { key: earnKey(c.order), voidKey: key, points: c.points, now }));
          }
          if (c.op === 'grant') {
            const expiresAt = new Date(now.getTime() + c.days * 86_400_000);
            await inTx(app, (m) => credit(m, { memberId, points: c.points, key, reason: '赠送', kind: 'grant', expiresAt, now }));
          }
          if (c.op === 'spend') {
            const before = await app.ds.manager.find(PointsLot, { where: { memberId }, order: { expiresAt: 'ASC', id: 'ASC' } });
            const r = await settle(inTx(app, (m) => debit(m, { memberId, points: c.points, key, reason: '抵扣', now })));
            if (!r.ok) {
              expect(r.error.code).toBe('POINTS_INSUFFICIENT');
            } else {
              spends.push(key);
              const uses = await app.ds.manager.find(PointsLotUse, { where: { entryId: r.value.id }, order: { id: 'ASC' } });
              const open = before.filter((l) => l.remaining > 0 && l.expiresAt > now);
              // Oldest first: the lots used are exactly the first ones open, all but the last drained.
              expect(uses.map((u) => u.lotId)).toEqual(open.slice(0, uses.length).map((l) => l.id));
              uses.slice(0, -1).forEach((u, i) => expect(u.points).toBe(open[i].remaining));
            }
          }
          if (c.op === 'cancel' && spends.length) {
            const spendKey = spends[c.spend % spends.length];
            await inTx(app, (m) => returnDebit(m, { key: spendKey, returnKey: key, points: c.points ?? undefined, now }));
          }
          if (c.op === 'advance') {
            now = new Date(now.getTime() + c.days * 86_400_000);
            const due = await app.ds.manager.findBy(PointsLot, { memberId });
            for (const lot of due) await inTx(app, (m) => expireLot(m, lot.id, now));
          }
          const f = await figures(app, memberId);
          expectConsistent(f);
          // Debt only where a clawback recorded a shortfall.
          const debtors = await app.ds.manager.findBy(PointsEntry, { memberId });
          for (const e of debtors) if (e.debtDelta > 0) expect(e.kind).toBe('clawback');
        }
      }),
      { numRuns: 25 },
    );
  });
});
