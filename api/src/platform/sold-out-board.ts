/**
 * Sold-out marks: "this SKU / campaign has nothing left", so a burst of losers is refused before
 * any SQL. Each instance keeps its marks in memory; a mark is trusted for `ttlMs` at most, so
 * stock returned by another instance is seen within that time even with nothing shared. When a
 * shared bus is attached (Redis, REDIS_URL), marks and clears are published to every instance,
 * so one instance's sell-out (or returned unit) is known to all of them at once.
 *
 * A mark is only ever a shortcut for a refusal: the database's conditional updates stay the
 * source of truth, so a stale or lost mark can cost a wasted statement, never an oversell.
 */

/** What a shared transport carries: namespace ("sku", "campaign"), id, and mark (true) or clear (false). */
export interface SoldOutMessage {
  ns: string;
  id: number;
  soldOut: boolean;
}

/** A transport between instances; `publish` must never throw (a lost message only costs the TTL). */
export interface SoldOutBus {
  publish(msg: SoldOutMessage): void;
  subscribe(onMessage: (msg: SoldOutMessage) => void): void;
}

export class SoldOutBoard {
  private readonly marks = new Map<string, number>();
  private bus: SoldOutBus | null = null;

  constructor(
    private readonly now: () => Date,
    readonly ttlMs = 10_000,
  ) {}

  /** Shares marks with the other instances from now on. */
  attach(bus: SoldOutBus): void {
    this.bus = bus;
    bus.subscribe((msg) => (msg.soldOut ? this.setLocal(msg.ns, msg.id) : this.marks.delete(key(msg.ns, msg.id))));
  }

  isSoldOut(ns: string, id: number): boolean {
    const k = key(ns, id);
    const at = this.marks.get(k);
    if (at === undefined) return false;
    if (this.now().getTime() - at < this.ttlMs) return true;
    this.marks.delete(k);
    return false;
  }

  markSoldOut(ns: string, id: number): void {
    this.setLocal(ns, id);
    this.bus?.publish({ ns, id, soldOut: true });
  }

  /** Stock came back (a cancel, a refund, an HQ adjustment): refuse nothing from the mark. */
  clear(ns: string, id: number): void {
    this.marks.delete(key(ns, id));
    // Published even when this instance had no mark: another instance may have one.
    this.bus?.publish({ ns, id, soldOut: false });
  }

  private setLocal(ns: string, id: number): void {
    this.marks.set(key(ns, id), this.now().getTime());
  }
}

const key = (ns: string, id: number) => `${ns}:${id}`;
