/**
 * Campaign units: carved from the SKU (through the catalogue's stock function, the one writer of
 * `sku.stock`) when a campaign is scheduled, given back when it ends; in between, seats take and
 * return units by conditional updates on the campaign row. Also the per-instance sold-out flag.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../http/app-error';
import { GbCampaign } from './groupbuy.entities';

/** The catalogue's stock function: adds `delta` to a SKU's stock in `m`'s transaction, refusing to go below zero. */
export type SkuStockAdjust = (m: EntityManager, skuId: number, delta: number, reason: string) => Promise<void>;
/** The catalogue's read of a SKU (price and product), or null. */
export type SkuLookup = (skuId: number) => Promise<{ productId: number; priceFen: number } | null>;

/**
 * How long a sold-out mark is trusted. Within this instance a returned unit clears it at once;
 * a unit returned by another instance (its job, its cancel) is seen here within this time.
 */
const SOLD_OUT_TTL_MS = 10_000;

export class CampaignStock {
  private readonly soldOutAt = new Map<number, number>();

  constructor(
    private readonly ds: DataSource,
    private readonly adjustSku: SkuStockAdjust,
    readonly skuOf: SkuLookup,
    private readonly now: () => Date,
  ) {}

  /** Moves `units` from the SKU's stock to a campaign (negative: back to the SKU). */
  async moveFromSku(m: EntityManager, skuId: number, units: number, reason: string): Promise<void> {
    try {
      await this.adjustSku(m, skuId, -units, reason);
    } catch (err) {
      if (err instanceof AppError && err.code === 'STOCK_WOULD_GO_NEGATIVE') throw new AppError('GROUPBUY_SKU_STOCK_SHORT', `sku ${skuId} short of ${units}`);
      throw err;
    }
  }

  /**
   * A seat takes `q` units: left → held. The WHERE is the guard against overselling: under any
   * burst only as many of these succeed as there are units (affected rows checked).
   */
  async take(m: EntityManager, campaignId: number, q: number, now: Date): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(GbCampaign)
      .set({ stockLeft: () => 'stock_left - :q', unitsHeld: () => 'units_held + :q' })
      .where("id = :id AND stock_left >= :q AND status IN ('scheduled', 'running') AND start_at <= :now AND end_at > :now", { id: campaignId, q, now })
      .execute();
    return !!r.affected;
  }

  /** Held → sold, when the seat is paid. Conditional so a replay cannot count a unit twice. */
  async sell(m: EntityManager, campaignId: number, q: number): Promise<void> {
    const r = await m.createQueryBuilder().update(GbCampaign).set({ unitsHeld: () => 'units_held - :q', unitsSold: () => 'units_sold + :q' }).where('id = :id AND units_held >= :q', { id: campaignId, q }).execute();
    if (!r.affected) throw new Error(`campaign ${campaignId}: no held units to sell`);
  }

  /** An unpaid seat lapsed (held → left) or a paid seat was refunded (sold → left). */
  async giveBack(m: EntityManager, campaignId: number, q: number, from: 'held' | 'sold'): Promise<void> {
    const column = from === 'held' ? 'units_held' : 'units_sold';
    // Conditional so a counter can never go negative; the caller's guard row makes this run once per seat.
    const r = await m
      .createQueryBuilder()
      .update(GbCampaign)
      .set({ stockLeft: () => 'stock_left + :q', [from === 'held' ? 'unitsHeld' : 'unitsSold']: () => `${column} - :q` })
      .where(`id = :id AND ${column} >= :q`, { id: campaignId, q })
      .execute();
    if (!r.affected) throw new Error(`campaign ${campaignId}: no ${from} units to give back`);
  }

  /** After an ended campaign's units went back: give what is left to the SKU (run by the job). */
  async returnUnsold(m: EntityManager, c: GbCampaign): Promise<number> {
    const n = c.stockLeft;
    if (n <= 0) return 0;
    // Conditional on the amount read: a seat released meanwhile adds to `left` and is swept next run.
    const r = await m
      .createQueryBuilder()
      .update(GbCampaign)
      .set({ stockLeft: () => 'stock_left - :n', unitsReturned: () => 'units_returned + :n', updatedAt: this.now() })
      .where("id = :id AND status = 'ended' AND stock_left >= :n", { id: c.id, n })
      .execute();
    if (!r.affected) return 0;
    await this.adjustSku(m, c.skuId, n, `groupbuy ${c.id} ended`);
    return n;
  }

  isSoldOut(campaignId: number): boolean {
    const at = this.soldOutAt.get(campaignId);
    if (at === undefined) return false;
    if (this.now().getTime() - at < SOLD_OUT_TTL_MS) return true;
    this.soldOutAt.delete(campaignId);
    return false;
  }

  markSoldOut(campaignId: number): void {
    this.soldOutAt.set(campaignId, this.now().getTime());
  }

  unitsReturned(campaignId: number): void {
    this.soldOutAt.delete(campaignId);
  }

  markEnded(campaignId: number): void {
    this.soldOutAt.delete(campaignId);
  }

  /** The campaign row, for the checks before the transaction. */
  find(id: number): Promise<GbCampaign | null> {
    return this.ds.getRepository(GbCampaign).findOneBy({ id });
  }

  /** Reads outside a transaction (quote). */
  manager(): EntityManager {
    return this.ds.manager;
  }
}
