/**
 * Campaign units: carved from the SKU (through the catalogue's stock function, the one writer of
 * `sku.stock`) when a campaign is scheduled, given back when it ends; in between, seats take and
 * return units by conditional updates on the campaign row. Also the sold-out flag (the core board,
 * namespace 'campaign': shared by every instance when Redis is configured) and the hooks that keep
 * the Redis admission gate's copy of the units in step (admission.ts).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../http/app-error';
import type { SoldOutBoard } from '../../platform/sold-out-board';
import { GbCampaign } from './groupbuy.entities';

/** The catalogue's stock function: adds `delta` to a SKU's stock in `m`'s transaction, refusing to go below zero. */
export type SkuStockAdjust = (m: EntityManager, skuId: number, delta: number, reason: string) => Promise<void>;
/** The catalogue's read of a SKU (price and product), or null. */
export type SkuLookup = (skuId: number) => Promise<{ productId: number; priceFen: number } | null>;

/** The board's namespace of campaigns (SKUs are 'sku', the order path's). */
const NS = 'campaign';

/** A copy of the units outside the database (the Redis admission gate), told what the database did. */
export interface UnitsMirror {
  /** A seat gave `q` units back (committed). */
  returned(campaignId: number, memberId: number, q: number): void;
  /** HQ changed the campaign (stock, window, limit, status): read it again. */
  changed(campaignId: number): void;
}

export class CampaignStock {
  /** Set when REDIS_URL is: the admission gate's copy of the units. */
  mirror: UnitsMirror | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly adjustSku: SkuStockAdjust,
    readonly skuOf: SkuLookup,
    private readonly now: () => Date,
    private readonly board: SoldOutBoard,
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
    return this.board.isSoldOut(NS, campaignId);
  }

  markSoldOut(campaignId: number): void {
    this.board.markSoldOut(NS, campaignId);
  }

  /** Units came back (any instance is told through the board); `seat`: whose, for the mirror, once committed. */
  unitsReturned(campaignId: number, seat?: { memberId: number; q: number }): void {
    this.board.clear(NS, campaignId);
    if (seat) this.mirror?.returned(campaignId, seat.memberId, seat.q);
  }

  /** HQ changed the campaign (after its commit). */
  changed(campaignId: number): void {
    this.mirror?.changed(campaignId);
  }

  markEnded(campaignId: number): void {
    this.board.clear(NS, campaignId);
    this.changed(campaignId);
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
