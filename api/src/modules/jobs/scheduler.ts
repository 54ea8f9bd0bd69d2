/**
 * Runs the scheduled jobs of this process. Each module registers its own jobs
 * (`scheduler.register({ name, run, intervalMs? })`: orders.jobs.ts, payments.jobs.ts,
 * outbox.jobs.ts); each runs every `intervalMs` (default JOBS_INTERVAL_MS) under a database lease
 * named after it, so that of several API instances only one runs a given job at a time.
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
import type { Transactor } from '../../db/transaction';
import type { Logger } from '../../logger';
import { acquireLease, recordRun, releaseLease } from './lease';

/** How many rows one pass of a job looks at; the next tick takes the rest. */
export const JOB_BATCH = 100;

export interface SchedulerDeps {
  tx: Transactor;
  log: Logger;
  now: () => Date;
  /** JOBS_INTERVAL_MS: how often a job runs unless it says otherwise. */
  intervalMs: number;
}

/** A job as its module registers it: one bounded pass, safe to run twice at once (CAS inside). */
export interface JobDefinition {
  /** Unique; also the lease name (`job:<name>`). */
  name: string;
  /** One pass; what it answers is reported in the JobRun (and logged at debug). */
  run: () => Promise<unknown>;
  intervalMs?: number;
}

export interface JobRun {
  job: string;
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
function leaseTtlMs(intervalMs: number): number {
  return Math.max(5 * 60_000, 3 * intervalMs);
}

export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<JobRun>>();
  private stopped = false;

  constructor(
    readonly deps: SchedulerDeps,
    /** Who we are in job_lease: unique per process (host, pid and a random part). */
    readonly holder = `${os.hostname().slice(0, 24)}:${process.pid}:${randomUUID().slice(0, 8)}`,
    private readonly jobs = new Map<string, JobDefinition>(),
  ) {}

  /** Adds a job (at service construction, before start). Names are unique: a second one throws. */
  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    if (this.timers.length) throw new Error(`job ${job.name} registered after the scheduler started`);
    this.jobs.set(job.name, job);
  }

  /** The registered jobs with how often each runs, in registration order (HQ's 任务 page). */
  get schedule(): { name: string; intervalMs: number }[] {
    return [...this.jobs.values()].map((j) => ({ name: j.name, intervalMs: this.intervalOf(j) }));
  }

  /** The registered job names, in registration order. */
  get names(): string[] {
    return [...this.jobs.keys()];
  }

  /** A registered job's definition: tests run its pass bare, without the lease. */
  definition(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  /** A scheduler sharing our jobs under another holder id: a second "instance" in tests. */
  withHolder(holder: string): Scheduler {
    return new Scheduler(this.deps, holder, this.jobs);
  }

  /** Starts the timers (server start, when JOBS_ENABLED). */
  start(): void {
    if (this.timers.length || this.stopped) return;
    for (const job of this.jobs.values()) {
      const timer = setInterval(() => void this.runOnce(job.name), this.intervalOf(job));
      timer.unref();
      this.timers.push(timer);
    }
    this.deps.log.info({ holder: this.holder, intervalMs: this.deps.intervalMs, jobs: this.names }, 'scheduler started');
  }

  /** Stops the timers and waits for the runs in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.splice(0)) clearInterval(t);
    await Promise.allSettled([...this.running.values()]);
  }

  /** Runs `job` once now, under its lease; never throws (an unknown name is a run with an error). */
  runOnce(job: string): Promise<JobRun> {
    const def = this.jobs.get(job);
    if (!def) return Promise.resolve({ job, ran: false, error: `no job named ${job}`, ms: 0 });
    if (this.stopped) return Promise.resolve({ job, ran: false, skipped: 'stopped', ms: 0 });
    // No overlap inside one process: a second call while one runs answers 'busy' at once.
    if (this.running.has(job)) return Promise.resolve({ job, ran: false, skipped: 'busy', ms: 0 });
    const run = this.leased(def).finally(() => this.running.delete(job));
    this.running.set(job, run);
    return run;
  }

  private intervalOf(job: JobDefinition): number {
    return job.intervalMs ?? this.deps.intervalMs;
  }

  private async leased(def: JobDefinition): Promise<JobRun> {
    const started = Date.now();
    const { tx, log, now } = this.deps;
    const job = def.name;
    let held = false;
    let outcome: JobRun | undefined;
    const startedAt = now();
    try {
      // One lease per job name: of several instances, one runs this job at a time.
      held = await acquireLease(tx, `job:${job}`, this.holder, leaseTtlMs(this.intervalOf(def)), now());
      if (!held) return { job, ran: false, skipped: 'lease-held', ms: Date.now() - started };
      const result = await def.run();
      log.debug({ job, result }, 'job ran');
      outcome = { job, ran: true, result, ms: Date.now() - started };
      return outcome;
    } catch (err) {
      log.error({ job, err: errText(err) }, 'job failed');
      outcome = { job, ran: held, error: errText(err), ms: Date.now() - started };
      return outcome;
    } finally {
      if (held && outcome) {
        const run = { startedAt, ms: outcome.ms, error: outcome.error ?? null, result: outcome.result === undefined ? null : resultText(outcome.result) };
        await recordRun(tx, `job:${job}`, this.holder, run).catch((err) => log.warn({ job, err: errText(err) }, 'job run record failed'));
      }
      if (held) {
        // Released so the next tick of any instance may run it; failing that, it simply expires.
        await releaseLease(tx, `job:${job}`, this.holder, now()).catch((err) => log.warn({ job, err: errText(err) }, 'lease release failed'));
      }
    }
  }
}

/** A run's answer as the 任务 page shows it (JSON, cut to the column). */
const resultText = (r: unknown) => (JSON.stringify(r) ?? 'null').slice(0, 300);

export const errText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);
