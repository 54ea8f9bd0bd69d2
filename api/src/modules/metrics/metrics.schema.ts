/** Request schemas of the metrics routes. */
import { z } from 'zod';
import { GRAINS, isDay } from '@common/metrics/period';
import { TARGET_KEYS, targetMax, type TargetKey } from '@common/metrics/targets';
import { zs } from '../../http/validate';

const day = () => z.string().refine(isDay, '须为 YYYY-MM-DD 日期');

const range = { from: day().optional(), to: day().optional() };

export const ScopeQuery = z.object({ scope: z.enum(['chain', 'store', 'guide']).optional(), id: zs.id().optional(), grain: z.enum(GRAINS).default('day'), ...range }).strict();
export const LeaderboardQuery = z.object({ kind: z.enum(['store', 'guide']).default('guide'), ...range }).strict();
export const AlertsQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) }).strict();
export const RoiQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

export const TargetsBody = z
  .object(Object.fromEntries(TARGET_KEYS.map((k) => [k, z.number().int().min(0).max(targetMax(k)).nullable().optional()])) as Record<TargetKey, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>)
  .strict();

const fen = () => z.number().int().min(0).max(2_000_000_000);
const share = () => z.number().int().min(0).max(10_000);
export const RoiPlanBody = z
  .object({
    softwareFen: fen(),
    materialsFen: fen(),
    operatorFen: fen(),
    incentivesFen: fen(),
    visitorsPerMonth: z.number().int().min(0).max(100_000_000),
    joinBp: share(),
    activeBp: share(),
    conversionBp: share(),
    aovFen: zs.fen(),
  })
  .strict();
