/**
 * Sold-out marks of SKUs (the core SoldOutBoard, namespace 'sku'): once a SKU is seen at zero
 * stock, an order for it is refused before any contributor runs and without SQL. stock.ts, the
 * one writer of sku.stock, clears the mark whenever units come back (a cancel, an HQ
 * adjustment, a campaign returning its allocation).
 *
 * A mark is only a shortcut: the conditional UPDATE stays the judge, so a lost mark costs a
 * statement and a stale one lasts the board's TTL at most. To keep a stale mark from being
 * written in the first place, a mark carries the moment its stock was observed (taken BEFORE
 * the read): a clear that happened after that moment wins, and the mark is dropped.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { Transactor } from '../../db/transaction';
import type { SoldOutBoard } from '../../platform/sold-out-board';

const NS = 'sku';

/** Monotonic, unaffected by the app's (possibly fake) clock: only orders observations and clears. */
export const observedAt = (): number => performance.now();

export class SkuSoldOut {
  /** When each SKU was last cleared in this process (monotonic ms). */
  private readonly clearedAt = new Map<number, number>();

  constructor(
    private readonly board: SoldOutBoard,
    private readonly tx: Transactor,
  ) {}

  isSoldOut(skuId: number): boolean {
    return this.board.isSoldOut(NS, skuId);
  }

  /** `skuId` was seen with no stock by a read that started at `since` (observedAt()). */
  seenEmpty(skuId: number, since: number): void {
    // A clear after the read began may have returned units the read did not see.
    if ((this.clearedAt.get(skuId) ?? -Infinity) >= since) return;
    this.board.markSoldOut(NS, skuId);
  }

  /**
   * Units of `skuId` come back in the transaction of `m`: cleared now (no new refusal from the
   * mark while it commits) and again once it has committed (a loser that read the old stock in
   * between may have marked it again).
   */
  returned(m: EntityManager, skuId: number): void {
    this.clear(skuId);
    this.tx.afterCommit(m, () => this.clear(skuId));
  }

  private clear(skuId: number): void {
    this.clearedAt.set(skuId, observedAt());
    this.board.clear(NS, skuId);
  }
}

/**
 * The marks of each data source. stock.ts is reached with a manager only (by checkout, the HQ
 * console and group-buy alike), so the catalogue registers the marks here once at build time
 * instead of threading them through every caller.
 */
const bySource = new WeakMap<DataSource, SkuSoldOut>();

export function attachSkuSoldOut(ds: DataSource, marks: SkuSoldOut): void {
  bySource.set(ds, marks);
}

export function skuSoldOutOf(m: EntityManager): SkuSoldOut | undefined {
  return bySource.get(m.connection);
}
