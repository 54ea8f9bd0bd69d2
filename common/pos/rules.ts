/**
 * Decisions of the POS integration, pure (clock passed in): receipt idempotency, the amounts of a
 * posted sale, how much a return may take back, and when the 双倍积分 offer applies.
 */

/** Limits that fit the columns (INT fen, VARCHAR lengths). */
export const POS_LIMITS = {
  maxLines: 200,
  maxQuantity: 100_000,
  /** ¥999,999.99 per receipt: far above a counter sale, far below INT. */
  maxFen: 99_999_999,
  receiptNoLength: 64,
} as const;

export type PostingDecision = 'new' | 'replay' | 'conflict';

/**
 * A posting is idempotent by (store, receipt number): the first body wins; the same body again
 * answers the first result; another body under the same number is a conflict (409).
 */
export function decidePosting(existingBodyHash: string | null, bodyHash: string): PostingDecision {
  if (existingBodyHash === null) return 'new';
  return existingBodyHash === bodyHash ? 'replay' : 'conflict';
}

export interface SaleLine {
  title: string;
  quantity: number;
  unitFen: number;
  amountFen: number;
}

/**
 * The figures a sale must agree with: each line's amount is at most quantity × unit price
 * (a line discount), the lines add up to the total, and total − discount = payable.
 * Answers the field that disagrees, or null.
 */
export function saleAmountsProblem(s: { lines: readonly SaleLine[]; totalFen: number; discountFen: number; payableFen: number }): string | null {
  for (let i = 0; i < s.lines.length; i++) {
    const l = s.lines[i];
    if (l.amountFen > l.quantity * l.unitFen) return `lines.${i}.amountFen`;
  }
  if (s.lines.reduce((n, l) => n + l.amountFen, 0) !== s.totalFen) return 'totalFen';
  if (s.discountFen > s.totalFen || s.totalFen - s.discountFen !== s.payableFen) return 'payableFen';
  return null;
}

/** A return may take back at most what the sale still holds (payable − already returned). */
export function returnAllowed(payableFen: number, returnedFen: number, amountFen: number): boolean {
  return amountFen > 0 && returnedFen + amountFen <= payableFen;
}

/**
 * Bonus points a return takes back, prorated so the parts over several returns add up exactly to
 * what the sale earned (the same arithmetic as an online refund).
 */
export function prorateBack(earned: number, payableFen: number, returnedBeforeFen: number, returnFen: number): number {
  if (payableFen <= 0 || earned <= 0) return 0;
  const share = (fen: number) => Math.floor((earned * Math.min(fen, payableFen)) / payableFen);
  return share(returnedBeforeFen + returnFen) - share(returnedBeforeFen);
}

/** The 双倍积分 offer's windows (documented in the README, "Connecting a POS"). */
export const DOUBLE_POINTS = {
  /** The WeCom add must follow a counter scan of the member code at the same store within this time. */
  addAfterScanMinutes: 30,
  /** The doubled sale must be posted within this time after the add. */
  saleAfterAddHours: 24,
} as const;

export interface DoublePointsFacts {
  enabled: boolean;
  saleStoreId: number;
  /** When the counter posted the sale (server clock). */
  now: Date;
  /** Scans of this member's code at the sale's store (any order). */
  scans: readonly Date[];
  /** The member's WeCom add of a guide, with that guide's store; null when none. */
  add: { addedAt: Date; storeId: number } | null;
}

/**
 * 凭会员码加企微，额外获得双倍积分: the member showed the code at this store's counter, then
 * added one of this store's guides on WeCom within 30 minutes of that scan, and this sale is
 * posted within 24 hours after the add. Once per member (the API's ledger key sees to it).
 */
export function doublePointsApply(f: DoublePointsFacts): boolean {
  if (!f.enabled || !f.add || f.add.storeId !== f.saleStoreId) return false;
  const added = f.add.addedAt.getTime();
  if (added > f.now.getTime() || f.now.getTime() - added > DOUBLE_POINTS.saleAfterAddHours * 3600_000) return false;
  const addedAt = f.add.addedAt;
  return f.scans.some((s) => addFollowsScan(s, addedAt));
}

/**
 * Whether a WeCom add at `addedAt` follows this member-code scan closely enough for the offer:
 * at or after the scan and within 30 minutes of it. Also answers, with the current time, whether
 * a scan still leaves time to add (the member-code page then offers that store's guide).
 */
export function addFollowsScan(scannedAt: Date, addedAt: Date): boolean {
  // WeCom reports the add in whole seconds: a scan earlier in the same second counts as before it,
  // and an add made now is reported as this whole second.
  const second = (d: Date) => Math.floor(d.getTime() / 1000) * 1000;
  const scan = second(scannedAt);
  const added = second(addedAt);
  return scan <= added && added - scan <= DOUBLE_POINTS.addAfterScanMinutes * 60_000;
}

export type AttributionRule = 'bound_guide' | 'counter_guide' | 'none';

/** Guide attribution of an offline sale: the member's bound guide, else the guide the counter names. */
export function attributeSale(boundGuideId: number | null, counterGuideId: number | null): { guideId: number | null; rule: AttributionRule } {
  if (boundGuideId !== null) return { guideId: boundGuideId, rule: 'bound_guide' };
  if (counterGuideId !== null) return { guideId: counterGuideId, rule: 'counter_guide' };
  return { guideId: null, rule: 'none' };
}
