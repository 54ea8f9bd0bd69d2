/**
 * Offline sales posted by a store's POS. Idempotent by (store, receipt number): the unique key
 * decides, not a read — of 20 parallel postings one inserts, the others fail on the key, roll
 * back and answer the first result (same body) or 409 (another body). The sale, its points, the
 * growth and the outbox event commit together.
 */
import type { DataSource } from 'typeorm';
import { shanghaiDate } from '@common/membership/shanghai';
import { attributeSale, decidePosting, doublePointsApply, saleAmountsProblem } from '@common/pos/rules';
import { canonicalJson, POS_WINDOW_SECONDS } from '@common/pos/signature';
import type { PosSaleResult } from '@common/pos/types';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { Outbox } from '../outbox';
import type { PosCaller } from './pos.auth';
import { sha256Hex } from './keys.service';
import { accrueOfflineCommission, type OfflineLedger } from './pos.commission';
import { earnForSale, type LedgerPorts } from './pos.ledgers';
import { PosSale, PosScan } from './pos.entities';
import type { SaleInput } from './pos.schema';
import type { PosSettingsService } from './settings.service';
import { verifyMemberRef } from './member-ref';

/** What the sale asks of the guides module (through its read ports). */
export interface GuidePorts {
  boundGuideOf(memberId: number): Promise<number | null>;
  /** An active guide of this store, or false. */
  activeGuideOfStore(guideId: number, storeId: number): Promise<boolean>;
  latestAddOf(memberId: number): Promise<{ guideId: number; storeId: number; addedAt: Date } | null>;
  /** The guide's commission ledger (writes in our transaction). */
  recordOfflineCommission: OfflineLedger;
}

export interface Posted<T> {
  result: T;
  replayed: boolean;
}

export const bodyHash = (body: unknown) => sha256Hex(canonicalJson(body));

export function saleResult(s: PosSale): PosSaleResult {
  return {
    saleId: s.id,
    receiptNo: s.receiptNo,
    storeId: s.storeId,
    memberId: s.memberId,
    guideId: s.guideId,
    attribution: s.attributionRule,
    payableFen: s.payableFen,
    pointsEarned: s.pointsEarned,
    bonusPoints: s.bonusPoints,
  };
}

export class PosSales {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly outbox: Outbox,
    private readonly ledgers: LedgerPorts,
    private readonly guides: GuidePorts,
    private readonly settings: PosSettingsService,
    private readonly refSecret: string,
    private readonly now: () => Date,
  ) {}

  private async existing(storeId: number, receiptNo: string, hash: string): Promise<Posted<PosSaleResult> | null> {
    const prior = await this.ds.manager.findOneBy(PosSale, { storeId, receiptNo });
    if (!prior) return null;
    if (decidePosting(prior.bodySha256, hash) === 'conflict') throw new AppError('POS_RECEIPT_CONFLICT', `receipt ${receiptNo}`);
    return { result: saleResult(prior), replayed: true };
  }

  async post(caller: PosCaller, body: SaleInput): Promise<Posted<PosSaleResult>> {
    const hash = bodyHash(body);
    // A retry answers from the committed row before anything is re-checked (a member ref may have expired since).
    const prior = await this.existing(caller.storeId, body.receiptNo, hash);
    if (prior) return prior;
    const field = saleAmountsProblem(body);
    if (field) throw new AppError('POS_AMOUNTS_MISMATCH', 'amounts disagree', [{ field, message: '金额与明细不一致' }]);
    const now = this.now();
    // A till's clock may run a little ahead (the signature window); a sale dated later is a mistake.
    if (Date.parse(body.soldAt) > now.getTime() + POS_WINDOW_SECONDS * 1000) throw new AppError('VALIDATION_FAILED', 'sold in the future', [{ field: 'soldAt', message: '销售时间晚于当前时间' }]);
    const memberId = body.memberRef ? verifyMemberRef(this.refSecret, body.memberRef, caller.storeId, now) : null;
    if (body.memberRef && memberId === null) throw new AppError('POS_MEMBER_REF_INVALID', 'member ref', [{ field: 'memberRef', message: '会员标识无效或已过期' }]);
    const counterGuide = body.guideId ?? null;
    if (counterGuide !== null && !(await this.guides.activeGuideOfStore(counterGuide, caller.storeId))) throw new AppError('POS_GUIDE_NOT_FOUND');
    const bound = memberId !== null ? await this.guides.boundGuideOf(memberId) : null;
    const attribution = attributeSale(bound, counterGuide);
    const evidence = attribution.rule === 'bound_guide' ? { boundGuideId: bound, counterGuideId: counterGuide } : attribution.rule === 'counter_guide' ? { counterGuideId: counterGuide } : null;
    const settings = await this.settings.get();
    const doubled = memberId !== null && settings.doublePoints && (await this.doubled(memberId, caller.storeId, now));
    const soldAt = new Date(body.soldAt);
    try {
      const sale = await this.tx.run(async (m) => {
        // First write: the unique (store, receipt) key is the idempotency key; a parallel twin fails here.
        const row = await m.save(
          m.create(PosSale, {
            storeId: caller.storeId, receiptNo: body.receiptNo, bodySha256: hash, apiKeyId: caller.apiKeyId, soldAt, day: shanghaiDate(soldAt),
            paymentMethod: body.paymentMethod, totalFen: body.totalFen, discountFen: body.discountFen, payableFen: body.payableFen, returnedFen: 0,
            linesJson: JSON.stringify(body.lines), lineCount: body.lines.length, memberId, guideId: attribution.guideId, attributionRule: attribution.rule,
            attributionEvidence: evidence ? JSON.stringify(evidence) : null, pointsEarned: 0, bonusPoints: 0, createdAt: now,
          }),
        );
        if (memberId !== null) {
          const earned = await earnForSale(m, this.ledgers, { saleId: row.id, storeId: caller.storeId, receiptNo: body.receiptNo, memberId, payableFen: body.payableFen, soldAt, doubled }, now);
          row.pointsEarned = earned.points;
          row.bonusPoints = earned.bonus;
          await m.update(PosSale, { id: row.id }, { pointsEarned: earned.points, bonusPoints: earned.bonus });
        }
        if (settings.offlineCommission && row.guideId !== null) await accrueOfflineCommission(m, this.guides.recordOfflineCommission, { saleId: row.id, receiptNo: row.receiptNo, guideId: row.guideId, payableFen: row.payableFen, day: row.day }, now);
        await this.outbox.enqueue(m, 'OfflineSaleRecorded', row.id, { saleId: row.id, storeId: row.storeId, guideId: row.guideId, memberId, amountFen: row.payableFen, day: row.day });
        return row;
      });
      return { result: saleResult(sale), replayed: false };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The twin committed first: its row is visible now that our transaction is gone.
      const twin = await this.existing(caller.storeId, body.receiptNo, hash);
      if (!twin) throw err;
      return twin;
    }
  }

  /** Whether this sale earns the 双倍积分 bonus (the offer's rule in common/pos/rules.ts). */
  private async doubled(memberId: number, storeId: number, now: Date): Promise<boolean> {
    const add = await this.guides.latestAddOf(memberId);
    if (!add) return false;
    const scans = await this.ds.manager.find(PosScan, { where: { memberId, storeId }, order: { scannedAt: 'DESC' }, take: 20 });
    return doublePointsApply({ enabled: true, saleStoreId: storeId, now, scans: scans.map((s) => s.scannedAt), add });
  }
}
