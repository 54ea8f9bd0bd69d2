/**
 * Transactor.afterCommit: work registered inside a transaction runs after its commit, with the
 * committed rows visible; never on rollback; and of a deadlocked attempt that is retried
 * (MySQL/MariaDB), only the committed attempt's registrations run.
 */
import { startTestApp, TEST_DB, type TestApp } from '../../test/harness';
import { OutboxEvent } from '../modules/outbox/outbox.entities';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const event = (aggregateId: string) => ({ type: 'OrderCancelled', aggregateId, payload: '{}', createdAt: new Date() });

describe('Transactor.afterCommit', () => {
  it('runs after the commit (the row is visible), not before, and once', async () => {
    const { tx } = app.services;
    const seen: string[] = [];
    await tx.run(async (m) => {
      await m.insert(OutboxEvent, event('ac-commit'));
      expect(tx.afterCommit(m, () => seen.push('after'))).toBe(true);
      seen.push('work');
    });
    expect(seen).toEqual(['work', 'after']);
    expect(await app.ds.getRepository(OutboxEvent).countBy({ aggregateId: 'ac-commit' })).toBe(1);
  });

  it('never runs on rollback', async () => {
    const { tx } = app.services;
    let ran = 0;
    await expect(
      tx.run(async (m) => {
        await m.insert(OutboxEvent, event('ac-rollback'));
        tx.afterCommit(m, () => ran++);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(ran).toBe(0);
    expect(await app.ds.getRepository(OutboxEvent).countBy({ aggregateId: 'ac-rollback' })).toBe(0);
  });

  it('outside an open transaction there is nothing to hang it on', async () => {
    const { tx } = app.services;
    let kept: Parameters<typeof tx.afterCommit>[0] | undefined;
    await tx.run(async (m) => {
      kept = m;
    });
    expect(tx.afterCommit(kept!, () => undefined)).toBe(false);
    expect(tx.afterCommit(app.ds.manager, () => undefined)).toBe(false);
  });

  (TEST_DB === 'mysql' ? it : it.skip)('a deadlocked attempt that is retried: only the committed attempt fires', async () => {
    const { tx } = app.services;
    const fired: number[] = [];
    let attempt = 0;
    await tx.run(async (m) => {
      const mine = ++attempt;
      await m.insert(OutboxEvent, event(`ac-retry-${mine}`));
      tx.afterCommit(m, () => fired.push(mine));
      if (mine === 1) throw Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK' });
    });
    expect(attempt).toBe(2);
    expect(fired).toEqual([2]);
  });
});
