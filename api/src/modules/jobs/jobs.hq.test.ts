/**
 * 系统 → 任务 over HTTP on the real database: every registered job with its interval; after a run,
 * when it started, how long it took, which instance ran it and what it answered; a failing run
 * shows its error; a run whose lease another instance holds records nothing.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { acquireLease } from './lease';

describe('HQ jobs and their last runs', () => {
  let app: TestApp;
  let hq: string;
  let failNext = false;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await loginHq(app);
  });
  afterAll(() => app.close());

  type Status = { name: string; intervalMs: number; lastStartedAt: string | null; lastMs: number | null; lastHolder: string | null; lastError: string | null; lastResult: string | null };
  const status = async (name: string): Promise<Status> => (ok(await app.api.get('/api/hq/jobs?pageSize=50', hq)).items as Status[]).find((j) => j.name === name)!;

  it('lists every registered job, never run yet', async () => {
    const all = ok(await app.api.get('/api/hq/jobs?pageSize=50', hq)).items as Status[];
    expect(all.map((j) => j.name)).toEqual(app.services.scheduler.names);
    expect(await status('order-timeout')).toMatchObject({ lastStartedAt: null, lastError: null, intervalMs: expect.any(Number) });
  });

  it('shows the last run: when, how long, by whom and its answer; an error when it failed', async () => {
    const before = Date.now();
    const run = await app.services.scheduler.runOnce('order-timeout');
    expect(run.ran).toBe(true);
    const s = await status('order-timeout');
    expect(s.lastHolder).toBe(app.services.scheduler.holder);
    expect(Date.parse(s.lastStartedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(s.lastMs).toBe(run.ms);
    expect(s.lastResult).toBe(JSON.stringify(run.result));
    expect(s.lastError).toBeNull();

    // A failing pass: the job's own error, through a scheduler sharing the jobs (the same definitions).
    const def = app.services.scheduler.definition('order-timeout')!;
    const original = def.run;
    def.run = async () => {
      if (failNext) throw new Error('数据库连接中断');
      return original();
    };
    failNext = true;
    try {
      expect((await app.services.scheduler.runOnce('order-timeout')).error).toBe('数据库连接中断');
    } finally {
      def.run = original;
    }
    expect(await status('order-timeout')).toMatchObject({ lastError: '数据库连接中断', lastResult: null });
  });

  it('records nothing for a run that found the lease held by another instance', async () => {
    const last = await status('order-timeout');
    expect(await acquireLease(app.services.tx, 'job:order-timeout', 'other-instance', 60_000, new Date())).toBe(true);
    expect((await app.services.scheduler.runOnce('order-timeout')).skipped).toBe('lease-held');
    expect(await status('order-timeout')).toMatchObject({ lastStartedAt: last.lastStartedAt, lastHolder: last.lastHolder });
  });
});
