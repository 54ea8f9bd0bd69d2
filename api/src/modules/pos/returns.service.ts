/**
 * Returns against an offline sale, idempotent by (store, return number) like sales. Whether the
 * return fits is decided by one conditional UPDATE on the sale (returned + amount ≤ payable,
 * affected rows checked), so parallel returns of one receipt can never take back more than it paid.
 */
import type { DataSource } from 'typeorm';
import { shanghaiDate } from '@common/membership/shanghai';
import { decidePosting, returnAllowed } from '@common/pos/rules';
import type { PosReturnResult } from '@common/pos/types';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { Outbox } from '../outbox';
import type { PosCaller } from './pos.auth';
import { type OfflineLedger, reverseOfflineCommission } from './pos.commission';
import { takeBackForReturn, type LedgerPorts } from './pos.ledgers';
import { PosReturn, PosSale } from './pos.entities';
import type { ReturnInput } from './pos.schema';
import { bodyHash, type Posted } from './sales.service';

const resultOf = (r: PosReturn, sale: PosSale): PosReturnResult => ({
  returnId: r.id,
  returnNo: r.returnNo,
  receiptNo: sale.receiptNo,
  amountFen: r.amountFen,
  returnedTotalFen: sale.returnedFen,
  pointsTakenBack: r.pointsTakenBack,
});

export class PosReturns {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly outbox: Outbox,
    private readonly ledgers: LedgerPorts,
    /** The guide's commission ledger (the guides module), written in the return's transaction. */
    private readonly commissionLedger: OfflineLedger,
    private readonly now: () => Date,
  ) {}

  private async existing(storeId: number, returnNo: string, hash: string): Promise<Posted<PosReturnResult> | null> {
    const prior = await this.ds.manager.findOneBy(PosReturn, { storeId, returnNo });
    if (!prior) return null;
    if (decidePosting(prior.bodySha256, hash) === 'conflict') throw new AppError('POS_RETURN_CONFLICT', `return ${returnNo}`);
    const sale = await this.ds.manager.findOneByOrFail(PosSale, { id: prior.saleId });
    return { result: resultOf(prior, sale), replayed: true };
  }

  async post(caller: PosCaller, body: ReturnInput): Promise<Posted<PosReturnResult>> {
    const hash = bodyHash(body);
    const prior = await this.existing(caller.storeId, body.returnNo, hash);
    if (prior) return prior;
    // Another store's receipt is not this counter's to see: 404 like an unknown one.
    const found = await this.ds.manager.findOneBy(PosSale, { storeId: caller.storeId, receiptNo: body.receiptNo });
    if (!found) throw new AppError('POS_SALE_NOT_FOUND');
    // Early answer only; the conditional UPDATE below decides.
    if (!returnAllowed(found.payableFen, found.returnedFen, body.amountFen)) throw new AppError('POS_RETURN_EXCEEDS_SALE');
    const now = this.now();
    const returnedAt = new Date(body.returnedAt);
    try {
      return await this.tx.run(async (m) => {
        const ret = await m.save(
          m.create(PosReturn, { storeId: caller.storeId, saleId: found.id, returnNo: body.returnNo, bodySha256: hash, amountFen: body.amountFen, pointsTakenBack: 0, returnedAt, day: shanghaiDate(returnedAt), createdAt: now }),
        );
        // Conditional: a return never takes the sale past what it paid, however many run at once.
        const res = await m
          .createQueryBuilder()
          .update(PosSale)
          .set({ returnedFen: () => `returned_fen + ${body.amountFen}` })
          .where('id = :id AND returned_fen + :amount <= payable_fen', { id: found.id, amount: body.amountFen })
          .execute();
        if (res.affected !== 1) throw new AppError('POS_RETURN_EXCEEDS_SALE');
        // We hold the sale row's lock since the UPDATE, so this read is current.
        const sale = await m.findOneByOrFail(PosSale, { id: found.id });
        if (sale.memberId !== null) {
          ret.pointsTakenBack = await takeBackForReturn(
            m,
            this.ledgers,
            {
              returnId: ret.id, saleId: sale.id, receiptNo: sale.receiptNo, memberId: sale.memberId, payableFen: sale.payableFen,
              returnedBeforeFen: sale.returnedFen - body.amountFen, amountFen: body.amountFen, earned: { points: sale.pointsEarned, bonus: sale.bonusPoints },
            },
            now,
          );
          await m.update(PosReturn, { id: ret.id }, { pointsTakenBack: ret.pointsTakenBack });
        }
        await reverseOfflineCommission(m, this.commissionLedger, { saleId: sale.id, receiptNo: sale.receiptNo, returnId: ret.id, payableFen: sale.payableFen, returnedBeforeFen: sale.returnedFen - body.amountFen, amountFen: body.amountFen, day: ret.day }, now);
        await this.outbox.enqueue(m, 'OfflineSaleReturned', sale.id, { saleId: sale.id, returnId: ret.id, storeId: sale.storeId, guideId: sale.guideId, memberId: sale.memberId, amountFen: body.amountFen, day: ret.day });
        return { result: resultOf(ret, sale), replayed: false };
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const twin = await this.existing(caller.storeId, body.returnNo, hash);
      if (!twin) throw err;
      return twin;
    }
  }
}
