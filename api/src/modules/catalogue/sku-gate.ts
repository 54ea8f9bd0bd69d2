/**
 * The placement gate of plain orders, per process: how many placements of a SKU may be between
 * their stock read and the end of their transaction at once. When a burst meets a SKU with 100
 * units, the first placements that the stock can cover go on; the rest wait here (holding no
 * connection, before their member and address reads) for one to finish, instead of all running
 * a transaction only to find the stock gone. Once the winners have committed, one waiter goes to
 * the database, finds nothing left and marks the SKU sold out; every other waiter is then refused
 * by the mark without SQL.
 *
 * It only ever delays: the stock UPDATE stays the judge, so the gate can never refuse or oversell.
 * - What the stock can cover is the placement's own stock read less the units this process has
 *   committed since that read began. (A commit the read already saw may be counted twice: that
 *   only makes a placement wait longer.)
 * - A SKU with nothing in flight always lets one placement through, so a stale read never blocks.
 * - A placement waits `maxWaitMs` (5 s) at most, then goes on regardless: a winner stuck in a lock
 *   wait must not hold the others for its whole timeout.
 */
export interface GateLine {
  skuId: number;
  quantity: number;
  /** The stock this placement read. */
  stock: number;
}

/** Ends a placement's hold: `committed` when its transaction took the units. Safe to call twice. */
export type GateRelease = (committed: boolean) => void;

interface SkuState {
  inFlight: number;
  /** Units this process committed, ever (a placement compares it with its value at its read). */
  taken: number;
  waiters: Set<() => void>;
}

export class SkuGate {
  private readonly skus = new Map<number, SkuState>();

  constructor(readonly maxWaitMs = 5_000) {}

  /** The committed count of `skuId` now: taken before a placement's stock read. */
  takenOf(skuId: number): number {
    return this.skus.get(skuId)?.taken ?? 0;
  }

  /**
   * Waits until every line fits, then holds a place for each. `takenAtRead[i]` is takenOf(line i)
   * before the stock read; `recheck` runs after each wait and may throw (a sold-out mark set meanwhile).
   */
  async enter(lines: readonly GateLine[], takenAtRead: readonly number[], recheck: () => void): Promise<GateRelease> {
    const deadline = Date.now() + this.maxWaitMs;
    while (!this.fits(lines, takenAtRead)) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      await this.wake(lines, left);
      recheck();
    }
    for (const l of lines) this.state(l.skuId).inFlight += l.quantity;
    let done = false;
    return (committed) => {
      if (done) return;
      done = true;
      for (const l of lines) {
        const s = this.state(l.skuId);
        s.inFlight -= l.quantity;
        if (committed) s.taken += l.quantity;
        for (const w of [...s.waiters]) w();
        if (s.inFlight === 0 && s.waiters.size === 0 && s.taken === 0) this.skus.delete(l.skuId);
      }
    };
  }

  /** Placements of `skuId` now between their stock read and their transaction's end (tests, metrics). */
  inFlightOf(skuId: number): number {
    return this.skus.get(skuId)?.inFlight ?? 0;
  }

  private fits(lines: readonly GateLine[], takenAtRead: readonly number[]): boolean {
    return lines.every((l, i) => {
      const s = this.skus.get(l.skuId);
      if (!s || s.inFlight === 0) return true;
      const coverable = l.stock - (s.taken - takenAtRead[i]);
      return s.inFlight + l.quantity <= coverable;
    });
  }

  /** Resolves when a placement of one of the lines' SKUs ends, or after `ms`. */
  private wake(lines: readonly GateLine[], ms: number): Promise<void> {
    return new Promise((resolve) => {
      const states = lines.map((l) => this.state(l.skuId));
      const done = () => {
        clearTimeout(timer);
        for (const s of states) s.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      for (const s of states) s.waiters.add(done);
    });
  }

  private state(skuId: number): SkuState {
    let s = this.skus.get(skuId);
    if (!s) this.skus.set(skuId, (s = { inFlight: 0, taken: 0, waiters: new Set() }));
    return s;
  }
}
