/**
 * The transactional outbox. `enqueue` writes an event and one delivery row per subscribed
 * handler inside the caller's transaction, so the event exists if and only if the change
 * committed. Delivery happens after commit, two ways that share one claim:
 * - immediate (OUTBOX_DISPATCH=immediate, the default): once the transaction commits, its events
 *   go to an in-process, bounded queue (dispatch-queue.ts) that runs their deliveries at once;
 * - the scheduled `outbox` job (outbox.jobs.ts), `processDue`: the safety net for whatever the
 *   queue did not finish (a crash, a full queue, another instance, a failure's retry).
 * Both claim a delivery by a conditional update, so a handler never runs twice at once; failures
 * are retried by the job with exponential backoff; after MAX_ATTEMPTS a delivery is `dead` and
 * shows up for HQ.
 *
 * Handlers must be idempotent: a handler that ran but whose `done` mark was lost (a crash in
 * between) runs again. The unique (event, handler) delivery row is the idempotency key handlers
 * use for their own writes.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Transactor } from '../../db/transaction';
import type { Page } from '@common/paging';
import { rowsPage, type PageQuery } from '../../db/rows-page';
import type { Logger } from '../../logger';
import { DISPATCH_DEFAULTS, DispatchQueue, type DispatchQueueOptions } from './dispatch-queue';
import type { OutboxEvents, OutboxEventType } from './events';
import { OutboxDelivery, OutboxEvent } from './outbox.entities';

export const MAX_ATTEMPTS = 8;
/** How long a claimed delivery is ours before another processor may take it over. */
const CLAIM_MS = 60_000;
const BATCH = 20;

export interface HandlerContext {
  eventId: number;
  /** `${eventId}:${handler}`: a key for the handler's own idempotent writes. */
  idempotencyKey: string;
}

export type OutboxHandler<T extends OutboxEventType> = (payload: OutboxEvents[T], ctx: HandlerContext) => Promise<void>;

/** Backoff after the n-th failure: 5 s, 10 s, 20 s … capped at 30 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/** HQ's filters on stuck deliveries. */
export interface StuckFilter {
  status?: 'pending' | 'dead';
  handler?: string;
}

export interface StuckDelivery {
  id: number;
  eventId: number;
  type: string;
  aggregateId: string;
  handler: string;
  status: 'pending' | 'dead';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
}

/**
 * A DATETIME from a raw query: mysql2 gives a Date (timezone 'Z'); SQLite gives the UTC text
 * TypeORM wrote ("2026-01-02 03:04:05.678"), which `new Date()` would read as local time.
 */
function rawUtc(v: unknown): Date {
  if (v instanceof Date) return v;
  const s = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

/** OUTBOX_DISPATCH: `immediate` hands events to their handlers right after commit; `job` leaves them to the outbox job. */
export type OutboxDispatch = 'immediate' | 'job';

export class Outbox {
  private readonly handlers = new Map<string, OutboxHandler<any>>();
  private readonly byType = new Map<OutboxEventType, string[]>();
  private readonly holder = randomUUID();
  /** null with OUTBOX_DISPATCH=job. */
  private readonly queue: DispatchQueue | null;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly log: Logger,
    private readonly now: () => Date,
    dispatch: OutboxDispatch = 'job',
    queueOptions: DispatchQueueOptions = DISPATCH_DEFAULTS,
  ) {
    this.queue = dispatch === 'immediate' ? new DispatchQueue((ids) => this.runDue(ids).then(() => undefined), log, queueOptions) : null;
  }

  /** Registers a handler by a stable name (it is stored with every delivery). */
  subscribe<T extends OutboxEventType>(type: T, name: string, handler: OutboxHandler<T>): void {
    if (this.handlers.has(name)) throw new Error(`outbox handler ${name} registered twice`);
    this.handlers.set(name, handler);
    this.byType.set(type, [...(this.byType.get(type) ?? []), name]);
  }

  /** Writes the event inside the caller's transaction `m`. */
  async enqueue<T extends OutboxEventType>(m: EntityManager, type: T, aggregateId: string | number, payload: OutboxEvents[T]): Promise<number> {
    const now = this.now();
    const inserted = await m.insert(OutboxEvent, { type, aggregateId: String(aggregateId), payload: JSON.stringify(payload), createdAt: now });
    const eventId = Number(inserted.identifiers[0].id);
    const names = this.byType.get(type) ?? [];
    if (names.length) {
      await m.insert(
        OutboxDelivery,
        names.map((handler) => ({ eventId, handler, status: 'pending' as const, attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, doneAt: null })),
      );
      // Only after the commit (never on rollback, never for a deadlocked attempt that is retried).
      // Outside a Transactor transaction there is nothing to wait for: the job delivers it.
      const queue = this.queue;
      if (queue) this.tx.afterCommit(m, () => queue.push(eventId));
    }
    return eventId;
  }

  /** Runs every due delivery once; answers how many ran (succeeded or not). */
  processDue(): Promise<number> {
    return this.runDue();
  }

  /** Due deliveries of `eventIds` (the immediate dispatch) or of any event (the job), each claimed first. */
  private async runDue(eventIds?: number[]): Promise<number> {
    const now = this.now();
    const names = [...this.handlers.keys()];
    if (!names.length) return 0;
    const query = this.ds
      .getRepository(OutboxDelivery)
      .createQueryBuilder('d')
      .where("d.status = 'pending' AND d.next_attempt_at <= :now AND (d.locked_until IS NULL OR d.locked_until < :now)", { now })
      // Only deliveries this process has a handler for: during a rolling deploy an instance
      // without a new handler leaves its deliveries to the instances that have it, instead of
      // spending their attempts on "no handler" until they are dead.
      .andWhere('d.handler IN (:...names)', { names });
    // The job takes a bounded page per tick; a dispatch batch is bounded by its ids already.
    if (eventIds) query.andWhere('d.event_id IN (:...eventIds)', { eventIds });
    else query.limit(BATCH);
    const due = await query.orderBy('d.id', 'ASC').getMany();
    let ran = 0;
    for (const d of due) {
      if (await this.claim(d, now)) {
        await this.deliver(d);
        ran++;
      }
    }
    return ran;
  }

  /** Ids queued or batches running in the immediate dispatch (0 when idle or with OUTBOX_DISPATCH=job). */
  get dispatching(): number {
    return this.queue?.pending ?? 0;
  }

  /** Shutdown: no new immediate dispatch, and the running one finishes before the database closes. */
  async close(): Promise<void> {
    await this.queue?.close();
  }

  /**
   * Keeps processing until nothing is due (tests and the development loop). Waits for the
   * immediate dispatch first: a delivery it has claimed is not due for anyone else, so without the
   * wait a drain right after a commit could return before that delivery's handler ran.
   */
  async drain(maxRounds = 50): Promise<void> {
    for (let i = 0; i < maxRounds; i++) {
      await this.dispatchIdle();
      if ((await this.processDue()) === 0 && this.dispatching === 0) return;
    }
  }

  /** Until the immediate dispatch has nothing queued or running (bounded: a hung handler does not hang a drain). */
  private async dispatchIdle(maxMs = 10_000): Promise<void> {
    const until = Date.now() + maxMs;
    while (this.dispatching > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  }

  private async claim(d: OutboxDelivery, now: Date): Promise<boolean> {
    // Conditional claim: of two processors racing for one delivery only one sees affected = 1.
    const res = await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(OutboxDelivery)
        .set({ lockedUntil: new Date(now.getTime() + CLAIM_MS) })
        .where("id = :id AND status = 'pending' AND attempts = :attempts AND (locked_until IS NULL OR locked_until < :now)", { id: d.id, attempts: d.attempts, now })
        .execute(),
    );
    return res.affected === 1;
  }

  private async deliver(d: OutboxDelivery): Promise<void> {
    const event = await this.ds.getRepository(OutboxEvent).findOneByOrFail({ id: d.eventId });
    const handler = this.handlers.get(d.handler);
    try {
      if (!handler) throw new Error(`no handler named ${d.handler}`);
      await handler(JSON.parse(event.payload), { eventId: event.id, idempotencyKey: `${event.id}:${d.handler}` });
      await this.finish(d, { status: 'done', attempts: d.attempts + 1, doneAt: this.now(), lockedUntil: null, lastError: null });
    } catch (err) {
      const attempts = d.attempts + 1;
      const dead = attempts >= MAX_ATTEMPTS;
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 255);
      this.log[dead ? 'error' : 'warn']({ deliveryId: d.id, handler: d.handler, type: event.type, attempts, err: message }, dead ? 'outbox delivery dead' : 'outbox delivery failed; will retry');
      await this.finish(d, { status: dead ? 'dead' : 'pending', attempts, lastError: message, lockedUntil: null, nextAttemptAt: new Date(this.now().getTime() + backoffMs(attempts)) });
    }
  }

  /**
   * Records the outcome of one attempt. Conditional on the attempt count we claimed with: if the
   * claim expired and another processor ran the delivery too, only the first to finish writes,
   * so a late finisher can never turn `done` back into `pending` (which would run it again).
   */
  private async finish(d: OutboxDelivery, set: Partial<OutboxDelivery>): Promise<void> {
    const res = await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(OutboxDelivery)
        .set(set)
        .where("id = :id AND status = 'pending' AND attempts = :attempts", { id: d.id, attempts: d.attempts })
        .execute(),
    );
    if (res.affected !== 1) this.log.warn({ deliveryId: d.id, handler: d.handler }, 'outbox delivery finished by another processor first');
  }

  /**
   * Deliveries HQ should look at: dead ones, and pending ones that have failed at least once,
   * oldest first, optionally of one status or handler; one page (idx_outbox_delivery_status_id,
   * migration 1796205000003, walks a status in id order).
   */
  stuck(f: StuckFilter & PageQuery): Promise<Page<StuckDelivery>> {
    const qb = this.ds
      .getRepository(OutboxDelivery)
      .createQueryBuilder('d')
      .innerJoin(OutboxEvent, 'e', 'e.id = d.event_id')
      .select(['d.id AS id', 'd.event_id AS eventId', 'e.type AS type', 'e.aggregate_id AS aggregateId', 'd.handler AS handler', 'd.status AS status'])
      .addSelect(['d.attempts AS attempts', 'd.last_error AS lastError', 'd.next_attempt_at AS nextAttemptAt', 'e.created_at AS createdAt'])
      .where(f.status === 'dead' ? "d.status = 'dead'" : f.status === 'pending' ? "d.status = 'pending' AND d.attempts > 0" : "(d.status = 'dead' OR (d.status = 'pending' AND d.attempts > 0))");
    if (f.handler) qb.andWhere('d.handler = :handler', { handler: f.handler });
    qb.orderBy('d.id', 'ASC');
    return rowsPage(qb, f, (l) => l.getRawMany<Record<string, unknown>>(), (rows) =>
      rows.map((r) => ({
        id: Number(r.id),
        eventId: Number(r.eventId),
        type: String(r.type),
        aggregateId: String(r.aggregateId),
        handler: String(r.handler),
        status: r.status as 'pending' | 'dead',
        attempts: Number(r.attempts),
        lastError: (r.lastError as string | null) ?? null,
        nextAttemptAt: rawUtc(r.nextAttemptAt).toISOString(),
        createdAt: rawUtc(r.createdAt).toISOString(),
      })),
    );
  }

  /** HQ's "retry now" for a dead or waiting delivery. */
  async retry(deliveryId: number): Promise<boolean> {
    const res = await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(OutboxDelivery)
        .set({ status: 'pending', nextAttemptAt: this.now(), lockedUntil: null })
        .where("id = :id AND status IN ('pending', 'dead')", { id: deliveryId })
        .execute(),
    );
    return res.affected === 1;
  }

  get holderId(): string {
    return this.holder;
  }
}
