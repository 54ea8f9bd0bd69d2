/**
 * Batched reads by key, per process: every load(key) made while the event loop works through one
 * round of ready sockets is answered by a single loadMany(keys) that runs once the round is over
 * (setImmediate), so 30 product details asked at once cost one `WHERE id IN (…)` instead of 30
 * reads. It adds no staleness: each batch reads the database when it runs. Identical keys in
 * a batch share one entry; a batch over `maxBatch` keys goes as several.
 *
 * loadMany answers a Map: a key it leaves out gets `missing(key)` as its error (a product that
 * does not exist, say), and a failed loadMany fails every caller of that batch.
 */
export interface BatchReadOptions<K> {
  maxBatch: number;
  /** The error of a key loadMany did not answer. */
  missing: (key: K) => Error;
}

interface Waiter<V> {
  resolve: (value: V) => void;
  reject: (err: unknown) => void;
}

export class BatchRead<K, V> {
  private pending = new Map<K, Waiter<V>[]>();

  constructor(
    private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>,
    private readonly opts: BatchReadOptions<K>,
  ) {
    if (!Number.isInteger(opts.maxBatch) || opts.maxBatch < 1) throw new RangeError(`maxBatch ${opts.maxBatch}`);
  }

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      if (!this.pending.size) setImmediate(() => this.flush());
      const waiters = this.pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += this.opts.maxBatch) void this.run(keys.slice(i, i + this.opts.maxBatch), batch);
  }

  private async run(keys: K[], batch: Map<K, Waiter<V>[]>): Promise<void> {
    let found: Map<K, V>;
    try {
      found = await this.loadMany(keys);
    } catch (err) {
      for (const k of keys) for (const w of batch.get(k)!) w.reject(err);
      return;
    }
    for (const k of keys) {
      const value = found.get(k);
      for (const w of batch.get(k)!) {
        if (value === undefined) w.reject(this.opts.missing(k));
        else w.resolve(value);
      }
    }
  }
}
