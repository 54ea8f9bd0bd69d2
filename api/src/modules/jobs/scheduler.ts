/**
 * Runs the scheduled jobs of this process: each named job every JOBS_INTERVAL_MS, under a database
 * lease so that of several API instances only one runs a given job at a time.
 *
 * - Timers are unref'd (they never keep a process alive) and a job never overlaps itself inside
 *   one process: a tick that finds the previous run still going skips.
 * - A job's errors are logged and reported in its JobRun, never thrown into a timer.
 * - stop() clears the timers and waits for the runs in progress, so shutdown closes the database
 *   only after them.
 * - runOnce(name) runs one job now, under the same lease, and answers what it did: tests and the
 *   bench drive jobs with it deterministically (JOBS_ENABLED=false leaves the timers off).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { DataSource } from 'typeorm';
import type { Transactor } from '../../db/transaction';
import type { Logger } from '../../logger';
import type { OrderLifecycle } from '../orders/order-lifecycle';
import type { Outbox } from '../outbox/outbox';
import type { PaymentsService } from '../payments/payments.service';
import { acquireLease, releaseLease } from './lease';
import { errText, runAutoComplete, runOrderTimeout, runPaymentReconcile, type OrderJobDeps } from './order-jobs';

export const JOB_NAMES = ['order-timeout', 'payment-reconcile', 'order-auto-complete', 'outbox', 'refund-poll'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface SchedulerDeps {
  ds: DataSource;
  tx: Transactor;
  log: Logger;
  now: () => Date;
  lifecycle: OrderLifecycle;
  payments: PaymentsService;
  outbox: Outbox;
  intervalMs: number;
  payQueryAfterMinutes: number;
  autoCompleteDays: number;
}

export interface JobRun {
  job: JobName;
  /** false: another run of this job was in progress (here: 'busy', elsewhere: 'lease-held'). */
  ran: boolean;
  skipped?: 'busy' | 'lease-held' | 'stopped';
  result?: unknown;
  error?: string;
  ms: number;
}

/**
 * How long a lease lasts: well past one tick and past any one bounded pass (a batch of 100 orders
 * with a WeChat call each), so a live holder never loses it mid-run; a dead one blocks the job
 * for at most this long.
 */
export function leaseTtlMs(intervalMs: number): number {
  return Math.max(5 * 60_000, 3 * intervalMs);
}

export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<JobName, Promise<JobRun>>();
  private stopped = false;

  constructor(
    readonly deps: SchedulerDeps,
    /** Who we are in job_lease: unique per process (host, pid and a random part). */
    readonly holder = `${os.hostname().slice(0, 24)}:${process.pid}:${randomUUID().slice(0, 8)}`,
  ) {}

  /** A scheduler sharing our services under another holder id: a second "instance" in tests. */
  withHolder(holder: string): Scheduler {
    return new Scheduler(this.deps, holder);
  }

  /** Starts the timers (server start, when JOBS_ENABLED). */
  start(): void {
    if (this.timers.length || this.stopped) return;
    for (const job of JOB_NAMES) {
      const timer = setInterval(() => void this.runOnce(job), this.deps.intervalMs);
      timer.unref();
      this.timers.push(timer);
    }
    this.deps.log.info({ holder: this.holder, intervalMs: this.deps.intervalMs, jobs: JOB_NAMES }, 'scheduler started');
  }

  /** Stops the timers and waits for the runs in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.splice(0)) clearInterval(t);
    await Promise.allSettled([...this.running.values()]);
  }

  /** Runs `job` once now, under its lease; never throws. */
  runOnce(job: JobName): Promise<JobRun> {
    if (this.stopped) return Promise.resolve({ job, ran: false, skipped: 'stopped', ms: 0 });
    // No overlap inside one process: a second call while one runs answers 'busy' at once.
    if (this.running.has(job)) return Promise.resolve({ job, ran: false, skipped: 'busy', ms: 0 });
    const run = this.leased(job).finally(() => this.running.delete(job));
    this.running.set(job, run);
    return run;
  }

  /** The job bodies' dependencies: tests call the order jobs directly, without any lease. */
  get jobDeps(): OrderJobDeps {
    const d = this.deps;
    return {
      ds: d.ds,
      lifecycle: d.lifecycle,
      payments: d.payments,
      outbox: d.outbox,
      log: d.log,
      now: d.now,
      payQueryAfterMinutes: d.payQueryAfterMinutes,
      autoCompleteDays: d.autoCompleteDays,
    };
  }

  private async leased(job: JobName): Promise<JobRun> {
    const started = Date.now();
    const { tx, log, now } = this.deps;
    let held = false;
    try {
      held = await acquireLease(tx, `job:${job}`, this.holder, leaseTtlMs(this.deps.intervalMs), now());
      if (!held) return { job, ran: false, skipped: 'lease-held', ms: Date.now() - started };
      const result = await this.body(job);
      log.debug({ job, result }, 'job ran');
      return { job, ran: true, result, ms: Date.now() - started };
    } catch (err) {
      log.error({ job, err: errText(err) }, 'job failed');
      return { job, ran: held, error: errText(err), ms: Date.now() - started };
    } finally {
      if (held) {
        // Released so the next tick of any instance may run it; failing that, it simply expires.
        await releaseLease(tx, `job:${job}`, this.holder, now()).catch((err) => log.warn({ job, err: errText(err) }, 'lease release failed'));
      }
    }
  }

  private body(job: JobName): Promise<unknown> {
    const deps = this.jobDeps;
    switch (job) {
      case 'order-timeout':
        return runOrderTimeout(deps);
      case 'payment-reconcile':
        return runPaymentReconcile(deps);
      case 'order-auto-complete':
        return runAutoComplete(deps);
      case 'outbox':
        return this.deps.outbox.processDue().then((delivered) => ({ delivered }));
      case 'refund-poll':
        return this.deps.payments.pollRefunds().then((settled) => ({ settled }));
    }
  }
}
