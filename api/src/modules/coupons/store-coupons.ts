/**
 * Coupons at a store's counter (门店核销). A copy of a template marked usable in store gets a
 * 12-digit store code the first time 我的优惠券 shows it; the cashier scans it and the POS calls
 * `redeem`. Redemption is one compare-and-set on the copy's status (`unused → used`), the same
 * `status = 'unused'` that online checkout's lock matches, so of a counter and a checkout racing
 * for one coupon exactly one statement changes the row and the other is refused.
 */
import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { nextCouponStatus } from '@common/coupon/state';
import type { StoreRedemption } from '@common/coupon/types';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { CouponTemplate, MemberCoupon } from './coupons.entities';

/** 12 digits: 10^12 codes, drawn by a CSPRNG, so a code cannot be guessed from another. */
export const STORE_CODE = /^\d{12}$/;
const newStoreCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0') + String(randomInt(0, 1_000_000)).padStart(6, '0');
/** Attempts at a fresh code when one collides with an existing code (about 1 in 10^12 per row). */
const CODE_ATTEMPTS = 5;
const RECEIPT_MAX = 64;

export interface RedeemInStoreInput {
  storeId: number;
  code: string;
  receiptNo: string | null;
}

/**
 * Gives every unused in-store copy among `rows` its store code (first display). Rows are updated
 * in place. Why conditional: two wallet reads of one member may race; `store_code IS NULL` lets
 * only the first write a code, and the other reads back the one that won.
 */
export async function ensureStoreCodes(ds: DataSource, tx: Transactor, rows: MemberCoupon[], now: Date): Promise<void> {
  const pending = rows.filter((r) => r.status === 'unused' && r.storeCode === null);
  if (!pending.length) return;
  const ids = [...new Set(pending.map((r) => r.templateId))];
  const inStore = new Set((await ds.getRepository(CouponTemplate).findBy({ id: In(ids), usableInStore: true })).map((t) => t.id));
  for (const row of pending.filter((r) => inStore.has(r.templateId))) {
    row.storeCode = await assignCode(ds, tx, row.id, now);
  }
}

async function assignCode(ds: DataSource, tx: Transactor, id: number, now: Date): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = newStoreCode();
    try {
      const res = await tx.run((m) => m.createQueryBuilder().update(MemberCoupon).set({ storeCode: code, updatedAt: now }).where('id = :id AND store_code IS NULL', { id }).execute());
      if (res.affected) return code;
      // Another read gave it a code first: that one stands.
      const won = (await ds.getRepository(MemberCoupon).findOneByOrFail({ id })).storeCode;
      if (won) return won;
    } catch (err) {
      // The unique index refused a code another copy holds: draw again.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new Error(`no free store code for member coupon ${id} after ${CODE_ATTEMPTS} attempts`);
}

export class StoreCoupons {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
  ) {}

  /**
   * The counter redeems a store code for `storeId`. A retry by the same store with the same
   * receipt number answers the first result (the POS may resend after a lost answer); anything
   * else on a used copy is COUPON_ALREADY_USED.
   */
  async redeem(input: RedeemInStoreInput): Promise<StoreRedemption> {
    const { storeId, code, receiptNo } = input;
    if (!Number.isSafeInteger(storeId) || storeId < 1) throw new AppError('VALIDATION_FAILED', 'storeId', [{ field: 'storeId', message: '门店无效' }]);
    if (receiptNo !== null && (receiptNo.length < 1 || receiptNo.length > RECEIPT_MAX)) {
      throw new AppError('VALIDATION_FAILED', 'receiptNo', [{ field: 'receiptNo', message: `小票号须为 1 至 ${RECEIPT_MAX} 个字符` }]);
    }
    // A malformed code cannot exist: answered like an unknown one, without a query.
    const row = STORE_CODE.test(code) ? await this.ds.getRepository(MemberCoupon).findOneBy({ storeCode: code }) : null;
    if (!row) throw new AppError('COUPON_CODE_NOT_FOUND', 'store code');
    const t = await this.ds.getRepository(CouponTemplate).findOneByOrFail({ id: row.templateId });
    if (!t.usableInStore) throw new AppError('COUPON_NOT_USABLE_IN_STORE', `template ${t.id}`);
    const now = this.now();
    // Why conditional: online checkout locks this row with the same `status = 'unused'`; of the
    // two statements exactly one matches, and the window is re-checked here, not from the read.
    // Through the Transactor: the checkout's lock reaches the row by the member index and this
    // by the primary key, so MariaDB may pick one as a deadlock victim; the retry then decides.
    const res = await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(MemberCoupon)
        .set({ status: nextCouponStatus('unused', 'redeem')!, usedAt: now, redeemedStoreId: storeId, receiptNo, updatedAt: now })
        .where('id = :id AND status = :from AND valid_from <= :now AND valid_to >= :now', { id: row.id, from: 'unused', now })
        .execute(),
    );
    const result: StoreRedemption = {
      memberCouponId: row.id,
      memberId: row.memberId,
      templateName: t.name,
      discountFen: t.kind === 'percent_off' ? null : t.amountOffFen,
      thresholdFen: t.thresholdFen,
    };
    if (res.affected) return result;
    // Lost or refused: say why from a fresh read (outside any transaction, so not a stale snapshot).
    const fresh = await this.ds.getRepository(MemberCoupon).findOneByOrFail({ id: row.id });
    if (fresh.status === 'used' && receiptNo !== null && fresh.redeemedStoreId === storeId && fresh.receiptNo === receiptNo) return result;
    if (fresh.status === 'used' || fresh.status === 'locked') throw new AppError('COUPON_ALREADY_USED', `member coupon ${row.id}`);
    if (fresh.status === 'expired' || fresh.validTo < now) throw new AppError('COUPON_EXPIRED', `member coupon ${row.id}`);
    throw new AppError('COUPON_NOT_STARTED', `member coupon ${row.id}`);
  }
}
