/**
 * Single-flight reads with a tiny TTL cache, per process: callers asking for the same key while
 * a load is in flight share that load, and its value answers the key for `ttlMs` more. For public
 * answers that may be a moment old (catalogue pages), never for what decides money or stock.
 *
 * - The value is kept until `ttlMs` after its load *started*, so it never shows the database as
 *   it was more than `ttlMs` ago (a slow load does not extend its own life).
 * - A failed load is shared with those already waiting on it but never kept: the next caller loads again.
 * - At most `maxEntries` values are kept; a new one evicts the oldest first.
 * - `clear()` (a write on this process) drops every value, and a load started before it is not kept
 *   when it lands, so an answer read before the write cannot come back after it.
 * - `ttlMs` 0 turns it all off: every call loads.
 */
export interface CoalesceOptions {
  ttlMs: number;
  maxEntries: number;
  /** Milliseconds clock (tests inject one). */
  now?: () => number;
}

interface Kept<V> {
  value: V;
  expiresAt: number;
}

export class Coalescer<V> {
  private readonly kept = new Map<string, Kept<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();
  /** Bumped by clear(): a load that began under an older generation is not kept. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly opts: CoalesceOptions) {
    if (opts.maxEntries < 1) throw new Error('maxEntries must be at least 1');
    this.now = opts.now ?? Date.now;
  }

  /** How many values are kept now (expired ones included until evicted or asked for). */
  get size(): number {
    return this.kept.size;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.opts.ttlMs <= 0) return load();
    const startedAt = this.now();
    const hit = this.kept.get(key);
    if (hit) {
      if (hit.expiresAt > startedAt) return Promise.resolve(hit.value);
      this.kept.delete(key);
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending;

    const generation = this.generation;
    const settle = () => {
      if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
    };
    const flight: Promise<V> = Promise.resolve()
      .then(load)
      .then(
        (value) => {
          settle();
          if (generation === this.generation) this.keep(key, value, startedAt + this.opts.ttlMs);
          return value;
        },
        (err: unknown) => {
          settle();
          throw err;
        },
      );
    this.inFlight.set(key, flight);
    return flight;
  }

  /** Forgets every value and in-flight load (what this process just wrote must show at once). */
  clear(): void {
    this.generation++;
    this.kept.clear();
    this.inFlight.clear();
  }

  private keep(key: string, value: V, expiresAt: number): void {
    if (expiresAt <= this.now()) return;
    this.kept.delete(key);
    // Map iteration is insertion order and every value lives as long: the first is the oldest.
    while (this.kept.size >= this.opts.maxEntries) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, { value, expiresAt });
  }
}
