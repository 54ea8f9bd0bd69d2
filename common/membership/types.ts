/** DTOs of the membership and points API, shared with the mini-program. */
import type { Page } from '../paging';
import type { TierCode } from './settings';

export interface MemberCardDto {
  tier: TierCode;
  tierLabel: string;
  growth: number;
  /** Null at the top tier. */
  next: { tier: TierCode; label: string; missing: number } | null;
  benefits: { pointsMultiplierPct: number; discountPct: number; birthdayMultiplierPct: number };
  birthday: string | null;
  birthdayMonth: boolean;
  points: PointsSummaryDto;
}

export interface PointsSummaryDto {
  balance: number;
  pending: number;
  debt: number;
  /** Points in lots expiring within 30 days, and the earliest such date (Shanghai). */
  expiringSoon: number;
  expiringOn: string | null;
}

export type PointsEntryKindDto = 'earn' | 'confirm' | 'void' | 'signin' | 'referral' | 'grant' | 'deduct' | 'spend' | 'return' | 'clawback' | 'expire';

export interface PointsEntryDto {
  id: number;
  kind: PointsEntryKindDto;
  reason: string;
  points: number;
  /** Signed changes to available, pending and debt. */
  balanceDelta: number;
  pendingDelta: number;
  debtDelta: number;
  createdAt: string;
}

export type PointsLedgerPage = Page<PointsEntryDto> & { summary: PointsSummaryDto };

export interface SigninStatusDto {
  today: string;
  signedToday: boolean;
  /** Consecutive days up to today (or yesterday, when today is not signed yet). */
  streak: number;
  /** Days of the asked month already signed, `YYYY-MM-DD`. */
  month: string;
  days: string[];
  /** What signing in today would give (or gave). */
  todayPoints: number;
}

export interface SigninResultDto {
  day: string;
  streak: number;
  points: number;
  bonus: number;
  balance: number;
}

/** notes.points of the checkout preview. */
export interface CheckoutPointsNote {
  balance: number;
  maxUsable: number;
  pointsPerYuan: number;
  /** Points the preview applied and the fen they took off. */
  used: number;
  savedFen: number;
}

/** One account of HQ's points consistency report: its counters next to the sums of its entries and lots. */
export interface ConsistencyRow {
  memberId: number;
  balance: number;
  pending: number;
  debt: number;
  sumBalance: number;
  sumPending: number;
  sumDebt: number;
  sumLots: number;
  /** balance = Σ entries = Σ lots, pending and debt = their Σ, none negative. */
  consistent: boolean;
}

/**
 * One page of HQ's points consistency check: a page of accounts in member order, each checked.
 * `total`/`hasMore` count accounts; with `onlyMismatched` the items are just this page's
 * inconsistent accounts (`checked` says how many the page looked at).
 */
export interface ConsistencyPage extends Page<ConsistencyRow> {
  checked: number;
  mismatched: number;
}
