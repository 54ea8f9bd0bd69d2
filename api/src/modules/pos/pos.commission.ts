/**
 * Guide commission on offline sales, when HQ turns it on (POS 设置): the same rate arithmetic as
 * online orders (common/attribution/commission.ts). A till's lines carry its own SKU codes, not
 * Loopmall product ids, so the default rate applies. Accrued with the sale, reversed by returns
 * in proportion (the cumulative target, so partial returns never drift), inside the posting's
 * transaction; the unique entry key is the idempotency key. Each entry is also booked in the
 * guide's own commission ledger (the guides module's recordOffline, same transaction); this
 * module's pos_commission rows stay for HQ's POS summary (per store and day).
 */
import type { EntityManager } from 'typeorm';
import { commissionFor, DEFAULT_COMMISSION_BP } from '@common/attribution/commission';
import { prorateBack } from '@common/pos/rules';
import { PosCommission } from './pos.entities';

/** The guides module's ledger port: writes with our manager, idempotent by its event key. */
export type OfflineLedger = (m: EntityManager, e: { guideId: number; receiptNo: string; amountFen: number; kind: 'accrue' | 'reverse'; eventKey: string; at: Date }) => Promise<boolean>;

const RATES = { defaultBp: DEFAULT_COMMISSION_BP, byProduct: new Map<number, number>(), byCategory: new Map<number, number>() };

export async function accrueOfflineCommission(m: EntityManager, ledger: OfflineLedger, s: { saleId: number; receiptNo: string; guideId: number; payableFen: number; day: string }, now: Date): Promise<number> {
  const amountFen = commissionFor([{ productId: 0, categoryId: 0, payableFen: s.payableFen }], RATES);
  if (amountFen <= 0) return 0;
  await m.insert(PosCommission, { saleId: s.saleId, returnId: null, guideId: s.guideId, entryKey: `sale:${s.saleId}`, kind: 'accrued', amountFen, day: s.day, createdAt: now });
  await ledger(m, { guideId: s.guideId, receiptNo: s.receiptNo, amountFen, kind: 'accrue', eventKey: `pos-sale:${s.saleId}`, at: now });
  return amountFen;
}

/** Reverses a return's share of what the sale accrued (nothing when it accrued nothing). */
export async function reverseOfflineCommission(
  m: EntityManager,
  ledger: OfflineLedger,
  r: { saleId: number; receiptNo: string; returnId: number; payableFen: number; returnedBeforeFen: number; amountFen: number; day: string },
  now: Date,
): Promise<number> {
  const accrued = await m.findOneBy(PosCommission, { entryKey: `sale:${r.saleId}` });
  if (!accrued) return 0;
  const amountFen = prorateBack(accrued.amountFen, r.payableFen, r.returnedBeforeFen, r.amountFen);
  if (amountFen <= 0) return 0;
  await m.insert(PosCommission, { saleId: r.saleId, returnId: r.returnId, guideId: accrued.guideId, entryKey: `return:${r.returnId}`, kind: 'reversed', amountFen, day: r.day, createdAt: now });
  await ledger(m, { guideId: accrued.guideId, receiptNo: r.receiptNo, amountFen, kind: 'reverse', eventKey: `pos-return:${r.returnId}`, at: now });
  return amountFen;
}
