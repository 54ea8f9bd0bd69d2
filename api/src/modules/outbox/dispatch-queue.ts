/**
 * The in-process queue between a commit and the outbox handlers (OUTBOX_DISPATCH=immediate).
 * After a transaction that wrote outbox events commits, their ids are pushed here; a few workers
 * take them in batches and run their deliveries through the outbox's usual claim, so a delivery
 * the scheduled job is running at the same moment is still run once.
 *
 * Bounded on purpose: at most `concurrency` batches run at once, and at most `maxQueued` ids
 * wait. Past that an id is simply not queued: its deliveries stay pending in the database and the
 * scheduled outbox job takes them, as it takes everything a crash or another instance left.
 * Ids pushed in one turn of the event loop go out together (one query for the whole batch).
 */
import type { Logger } from '../../logger';

export interface DispatchQueueOptions {
  /** Batches running at once (each holds a database connection while it runs). */
  concurrency: number;
  /** Ids waiting at most; more are left to the scheduled job. */
  maxQueued: number;
  /** Ids per batch. */
  batch: number;
}

export const DISPATCH_DEFAULTS: DispatchQueueOptions = { concurrency: 2, maxQueued: 1000, batch: 20 };

export class DispatchQueue {
  private readonly waiting = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();
  private scheduled = false;
  private closed = false;
  /** Set while over `maxQueued`, so a burst logs one warning, not one per event. */
  private overflowing = false;

  constructor(
    private readonly run: (ids: number[]) => Promise<void>,
    private readonly log: Logger,
    readonly opts: DispatchQueueOptions = DISPATCH_DEFAULTS,
  ) {}

  /** Queues `id` (never blocks, never throws); a no-op after close() or while full. */
  push(id: number): void {
    if (this.closed) return;
    if (this.waiting.size >= this.opts.maxQueued) {
      if (!this.overflowing) this.log.warn({ maxQueued: this.opts.maxQueued }, 'outbox dispatch queue full; the outbox job delivers the rest');
      this.overflowing = true;
      return;
    }
    this.waiting.add(id);
    if (this.scheduled) return;
    // Next turn of the event loop: the request that committed carries on first, and ids
    // committed meanwhile join the same batch.
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** Ids waiting plus batches running: 0 when idle. */
  get pending(): number {
    return this.waiting.size + this.inFlight.size;
  }

  /** Stops taking ids, drops the waiting ones (the job delivers them) and waits for the running ones. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.clear();
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private pump(): void {
    while (!this.closed && this.inFlight.size < this.opts.concurrency && this.waiting.size) {
      const ids = [...this.waiting].slice(0, this.opts.batch);
      for (const id of ids) this.waiting.delete(id);
      const running: Promise<void> = this.run(ids)
        // A failed batch (the database away) leaves its deliveries pending for the job's backoff.
        .catch((err) => this.log.warn({ err, eventIds: ids }, 'outbox dispatch failed; the outbox job will deliver'))
        .finally(() => {
          this.inFlight.delete(running);
          this.pump();
        });
      this.inFlight.add(running);
    }
    if (!this.waiting.size) this.overflowing = false;
  }
}
