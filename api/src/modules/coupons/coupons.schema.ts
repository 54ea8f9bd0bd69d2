import { z } from 'zod';
import { MAX_COUPON_FEN, MAX_PER_MEMBER, MAX_QUOTA, MAX_VALID_DAYS } from '@common/coupon/rules';
import { COUPON_KINDS, type CouponTerms } from '@common/coupon/types';
import { COUPON_TABS } from '@common/coupon/state';
import { zs } from '../../http/validate';
import { listQuery } from '../../http/list-query';

export const IdParams = z.object({ id: zs.id() });
const bodyId = () => zs.bodyId();
const fen = () => z.number().int().min(0).max(MAX_COUPON_FEN);
const isoTime = () => z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

const Scope = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('all') }),
  z.strictObject({ type: z.literal('categories'), ids: z.array(bodyId()).min(1).max(100) }),
  z.strictObject({ type: z.literal('products'), ids: z.array(bodyId()).min(1).max(500) }),
]);

const Validity = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), from: isoTime(), to: isoTime() }).refine((v) => v.from < v.to, { message: '结束时间须晚于开始时间', path: ['to'] }),
  z.strictObject({ type: z.literal('relative'), days: z.number().int().min(1).max(MAX_VALID_DAYS) }),
]);

const Audience = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('anyone') }),
  z.strictObject({ type: z.literal('new_members') }),
  z.strictObject({ type: z.literal('tier'), minTierRank: z.number().int().min(0).max(3) }),
]);

export const TemplateBody = z.strictObject({
  name: zs.text(40, 1),
  kind: z.enum(COUPON_KINDS),
  amountOffFen: fen().default(0),
  thresholdFen: fen().default(0),
  percentOff: z.number().int().min(0).max(99).default(0),
  maxOffFen: fen().default(0),
  scope: Scope.default({ type: 'all' }),
  validity: Validity,
  audience: Audience.default({ type: 'anyone' }),
  firstOrderOnly: z.boolean().default(false),
  totalQuota: z.number().int().min(1).max(MAX_QUOTA),
  perMemberLimit: z.number().int().min(1).max(MAX_PER_MEMBER).default(1),
  claimable: z.boolean().default(false),
  usableInStore: z.boolean().default(false),
});
export type TemplateInput = z.output<typeof TemplateBody>;
export const termsFromInput = (b: Omit<TemplateInput, 'usableInStore'>): CouponTerms => ({
  kind: b.kind,
  amountOffFen: b.kind === 'percent_off' ? 0 : b.amountOffFen,
  thresholdFen: b.kind === 'no_threshold' ? 0 : b.thresholdFen,
  percentOff: b.kind === 'percent_off' ? b.percentOff : 0,
  maxOffFen: b.kind === 'percent_off' ? b.maxOffFen : 0,
  scope: b.scope,
  firstOrderOnly: b.firstOrderOnly,
});

export const TemplatePatch = z.strictObject({
  active: z.boolean().optional(),
  claimable: z.boolean().optional(),
  usableInStore: z.boolean().optional(),
  /** Quota may only grow (or shrink down to what is already issued; checked by the update). */
  totalQuota: z.number().int().min(1).max(MAX_QUOTA).optional(),
});

export const PushBody = z.strictObject({
  memberIds: z.array(bodyId()).min(1).max(500),
  /** Names this push: sending the same batch again grants nothing twice. */
  batchKey: z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,40}$/, '只能包含字母、数字和 _ . : -'),
});

export const PackBody = z.strictObject({
  templateIds: z.array(bodyId()).max(10),
  points: z.number().int().min(0).max(100_000),
  active: z.boolean().default(true),
});

export const WalletQuery = z.strictObject({ tab: z.enum(COUPON_TABS.map((t) => t.key) as ['usable', 'used', 'expired']).default('usable') });

export const ProductCouponsQuery = z.strictObject({ productId: zs.id() });

/** HQ: coupon templates newest first; filters by on/off, 领券中心 and name. */
export const TemplateListQuery = z.strictObject({
  active: listQuery.flag().optional(),
  claimable: listQuery.flag().optional(),
  keyword: listQuery.keyword().optional(),
  ...listQuery.paging(),
});
export type TemplateListInput = z.output<typeof TemplateListQuery>;
