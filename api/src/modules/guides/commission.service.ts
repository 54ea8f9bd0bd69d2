/**
 * Commission through the outbox: OrderPaid accrues into held, OrderCompleted releases what is
 * held, OrderRefunded reverses a prorated part (from held before completion, from released after).
 * Each handler writes one ledger row keyed (order, event) — the unique key is the idempotency
 * key, so a duplicated event changes nothing — and moves the account's buckets with a
 * conditional update, in one transaction.
 */
import { type DataSource, type EntityManager } from 'typeorm';
import { commissionFor, DEFAULT_COMMISSION_BP, type RateTable, reversalFor } from '@common/attribution/commission';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { productFacts } from '../catalogue';
import type { OrderFacts } from '../orders';
import type { Outbox, OutboxEvents } from '../outbox';
import { CommissionAccount, CommissionEntry, CommissionRate, OrderAttribution } from './guides.entities';

export interface CommissionFigures {
  guideId: number;
  accruedFen: number;
  heldFen: number;
  releasedFen: number;
  reversedFen: number;
}

export class CommissionService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
    /** The order tables' ports (orders owns them). */
    private readonly orders: Pick<OrderFacts, 'byId' | 'lines'>,
  ) {}

  subscribe(outbox: Outbox): void {
    outbox.subscribe('OrderPaid', 'guides.commission.paid', (p) => this.onPaid(p));
    outbox.subscribe('OrderCompleted', 'guides.commission.completed', (p) => this.onCompleted(p));
    outbox.subscribe('OrderRefunded', 'guides.commission.refunded', (p) => this.onRefunded(p));
  }

  async rates(m: EntityManager): Promise<RateTable> {
    const rows = await m.find(CommissionRate);
    return {
      defaultBp: DEFAULT_COMMISSION_BP,
      byProduct: new Map(rows.filter((r) => r.scope === 'product').map((r) => [r.refId, r.rateBp])),
      byCategory: new Map(rows.filter((r) => r.scope === 'category').map((r) => [r.refId, r.rateBp])),
    };
  }

  async onPaid(p: OutboxEvents['OrderPaid']): Promise<void> {
    await this.tx.run(async (m) => {
      const attribution = await m.findOneBy(OrderAttribution, { orderId: p.orderId });
      const guideId = attribution?.guideId ?? (await this.orders.byId(p.orderId, m))?.guideId ?? null;
      if (!guideId) return;
      const lines = await this.orders.lines(p.orderId, m);
      const products = await productFacts(m, lines.map((l) => l.productId));
      const cat = new Map(products.map((x) => [x.id, x.categoryId]));
      const accrued = commissionFor(lines.map((l) => ({ productId: l.productId, categoryId: cat.get(l.productId) ?? 0, payableFen: l.payableFen })), await this.rates(m));
      if (!(await this.entry(m, p.orderId, guideId, 'paid', 'held', accrued))) return;
      const now = this.now();
      await m.insert(CommissionAccount, { orderId: p.orderId, guideId, payableFen: p.payableFen, accruedFen: accrued, heldFen: accrued, releasedFen: 0, reversedFen: 0, refundedSeenFen: 0, createdAt: now, updatedAt: now });
    });
  }

  async onCompleted(p: OutboxEvents['OrderCompleted']): Promise<void> {
    await this.tx.run(async (m) => {
      const acc = await m.findOneBy(CommissionAccount, { orderId: p.orderId });
      if (!acc) return;
      if (!(await this.entry(m, p.orderId, acc.guideId, 'completed', 'released', acc.heldFen))) return;
      // Moves exactly what the ledger row says; the guard keeps a bucket from going negative.
      await this.move(m, acc.id, 'heldFen', 'releasedFen', acc.heldFen);
    });
  }

  async onRefunded(p: OutboxEvents['OrderRefunded']): Promise<void> {
    await this.tx.run(async (m) => {
      const acc = await m.findOneBy(CommissionAccount, { orderId: p.orderId });
      if (!acc) return;
      const refundedTotal = acc.refundedSeenFen + p.amountFen;
      const amount = reversalFor({ accruedFen: acc.accruedFen, payableFen: acc.payableFen, refundedTotalFen: refundedTotal, reversedSoFarFen: acc.reversedFen, fullyRefunded: p.fullyRefunded });
      const fromHeld = Math.min(amount, acc.heldFen);
      const fromReleased = amount - fromHeld;
      const key = `refund:${p.refundNo}`;
      if (!(await this.entry(m, p.orderId, acc.guideId, key, fromReleased > 0 ? 'reversed_released' : 'reversed_held', amount))) return;
      const res = await m
        .createQueryBuilder()
        .update(CommissionAccount)
        .set({
          heldFen: () => `held_fen - ${fromHeld}`,
          releasedFen: () => `released_fen - ${fromReleased}`,
          reversedFen: () => `reversed_fen + ${amount}`,
          refundedSeenFen: () => `refunded_seen_fen + ${p.amountFen}`,
          updatedAt: this.now(),
        })
        // Conditional on the state we computed from: a concurrent move makes this fail and the delivery retry.
        .where('id = :id AND held_fen = :h AND released_fen = :r AND reversed_fen = :v', { id: acc.id, h: acc.heldFen, r: acc.releasedFen, v: acc.reversedFen })
        .execute();
      if (res.affected !== 1) throw new Error(`commission account ${acc.id} changed concurrently`);
    });
  }

  /** Inserts the ledger row; false when this (order, event) was already booked. */
  private async entry(m: EntityManager, orderId: number, guideId: number, eventKey: string, kind: CommissionEntry['kind'], amountFen: number): Promise<boolean> {
    try {
      await m.insert(CommissionEntry, { orderId, guideId, eventKey, kind, amountFen, createdAt: this.now() });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  private async move(m: EntityManager, id: number, from: 'heldFen' | 'releasedFen', to: 'releasedFen', amount: number): Promise<void> {
    const col = (k: string) => k.replace(/Fen$/, '_fen');
    const res = await m
      .createQueryBuilder()
      .update(CommissionAccount)
      .set({ [from]: () => `${col(from)} - ${amount}`, [to]: () => `${col(to)} + ${amount}`, updatedAt: this.now() })
      .where(`id = :id AND ${col(from)} >= :amount`, { id, amount })
      .execute();
    if (res.affected !== 1) throw new Error(`commission account ${id}: cannot move ${amount} out of ${from}`);
  }

  /** Each guide's figures from the accounts (held + released + reversed = accrued per account). */
  async figures(guideIds?: number[]): Promise<CommissionFigures[]> {
    const qb = this.ds
      .getRepository(CommissionAccount)
      .createQueryBuilder('a')
      .select('a.guide_id', 'guideId')
      .addSelect('SUM(a.accrued_fen)', 'accrued')
      .addSelect('SUM(a.held_fen)', 'held')
      .addSelect('SUM(a.released_fen)', 'released')
      .addSelect('SUM(a.reversed_fen)', 'reversed')
      .groupBy('a.guide_id');
    if (guideIds?.length) qb.where('a.guide_id IN (:...ids)', { ids: guideIds });
    const rows = await qb.getRawMany<Record<string, string | number>>();
    const out = new Map<number, CommissionFigures>(rows.map((r) => [Number(r.guideId), { guideId: Number(r.guideId), accruedFen: Number(r.accrued), heldFen: Number(r.held), releasedFen: Number(r.released), reversedFen: Number(r.reversed) }]));
    // Offline (store) commission has no account: it is released when accrued, less its returns.
    for (const [guideId, o] of await this.offlineSums(guideIds)) {
      const f = out.get(guideId) ?? { guideId, accruedFen: 0, heldFen: 0, releasedFen: 0, reversedFen: 0 };
      f.accruedFen += o.releasedFen;
      f.releasedFen += o.releasedFen - o.reversedFen;
      f.reversedFen += o.reversedFen;
      out.set(guideId, f);
    }
    return [...out.values()];
  }

  /** Per guide: offline entries' accrued (released) and reversed sums. */
  async offlineSums(guideIds?: number[]): Promise<Map<number, { releasedFen: number; reversedFen: number }>> {
    const qb = this.ds
      .getRepository(CommissionEntry)
      .createQueryBuilder('e')
      .select('e.guide_id', 'guideId')
      .addSelect("SUM(CASE WHEN e.kind = 'released' THEN e.amount_fen ELSE 0 END)", 'released')
      .addSelect("SUM(CASE WHEN e.kind = 'reversed_released' THEN e.amount_fen ELSE 0 END)", 'reversed')
      .where("e.source = 'offline'")
      .groupBy('e.guide_id');
    if (guideIds?.length) qb.andWhere('e.guide_id IN (:...ids)', { ids: guideIds });
    const rows = await qb.getRawMany<Record<string, string | number>>();
    return new Map(rows.map((r) => [Number(r.guideId), { releasedFen: Number(r.released), reversedFen: Number(r.reversed) }]));
  }

  /** The ledger's online (order) sums per guide and kind (HQ's audit compares them to the figures, less offlineSums). */
  async ledgerSums(guideId: number): Promise<Record<CommissionEntry['kind'], number>> {
    const rows = await this.ds
      .getRepository(CommissionEntry)
      .createQueryBuilder('e')
      .select('e.kind', 'kind')
      .addSelect('SUM(e.amount_fen)', 'sum')
      .where("e.guide_id = :g AND e.source = 'order'", { g: guideId })
      .groupBy('e.kind')
      .getRawMany<{ kind: CommissionEntry['kind']; sum: string | number }>();
    const out = { held: 0, released: 0, reversed_held: 0, reversed_released: 0 };
    for (const r of rows) out[r.kind] = Number(r.sum);
    return out;
  }
}
