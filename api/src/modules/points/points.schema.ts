import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { TIER_CODES } from '@common/membership/settings';
import { listQuery } from '../../http/list-query';
import { zs } from '../../http/validate';
import { MAX_POINTS_PER_ENTRY } from './ledger';

export const LedgerQuery = z.object({ ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) });
export const SigninQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '须为 YYYY-MM').optional() });
/** HQ consistency check: pages of up to 500 accounts; `onlyMismatched` keeps just the page's bad ones. */
export const ConsistencyQuery = z.strictObject({
  onlyMismatched: listQuery.flag().optional(),
  ...zs.paging(500, 100),
});
export type ConsistencyQueryInput = z.output<typeof ConsistencyQuery>;
export const MemberIdParams = z.object({ id: zs.id() });

/** Integer points, bounded: a fraction, a negative, a string or a number past the column is a 400 naming `points`. */
export const pointsAmount = () => z.number().int('须为整数').min(1, '须为正整数').max(MAX_POINTS_PER_ENTRY);

export const AdjustBody = z.strictObject({
  memberId: zs.bodyId(),
  points: pointsAmount(),
  reason: zs.text(64, 1),
});

export const BirthdayBody = z.strictObject({ birthday: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '须为 YYYY-MM-DD') });

const pct = (max: number) => z.number().int().min(0).max(max);
const TierBody = z.strictObject({
  code: z.enum(TIER_CODES as [string, ...string[]]),
  label: zs.text(16, 1),
  minGrowth: z.number().int().min(0).max(100_000_000),
  pointsMultiplierPct: pct(1000).min(0),
  discountPct: pct(50),
  birthdayMultiplierPct: z.number().int().min(100).max(1000),
});

export const SettingsBody = z.strictObject({
  tiers: z.array(TierBody).length(TIER_CODES.length),
  earn: z.strictObject({
    pointsPerYuan: z.number().int().min(0).max(100),
    perOrderCap: z.number().int().min(0).max(MAX_POINTS_PER_ENTRY),
    signinPoints: z.number().int().min(1).max(1000),
    streakBonuses: z.array(z.strictObject({ every: z.number().int().min(2).max(366), points: z.number().int().min(1).max(10_000) })).max(5),
    referralPoints: z.number().int().min(0).max(100_000),
  }),
  redeem: z.strictObject({
    pointsPerYuan: z.number().int().min(1).max(10_000),
    maxSharePct: pct(100),
  }),
});
