import { z } from 'zod';
import { CAMPAIGN_STOCK_MAX, GROUP_HOURS_MAX, GROUP_SIZE_MAX, GROUP_SIZE_MIN, PER_SHOPPER_LIMIT_MAX } from '@common/groupbuy/rules';
import { CAMPAIGN_STATUSES, GROUP_STATUSES } from '@common/groupbuy/state';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { zs } from '../../http/validate';
import { dayWindowOk, listQuery } from '../../http/list-query';
import { parseShanghai } from './groupbuy.time';

/** Ids inside JSON bodies: integers only (never `"6"`, `true` or `[2]`). */
const bodyId = zs.bodyId;

const shanghaiTime = () =>
  z
    .string()
    .transform((s, ctx) => {
      const d = parseShanghai(s);
      if (!d) ctx.addIssue({ code: 'custom', message: '时间格式应为 YYYY-MM-DD HH:mm（北京时间）' });
      return d ?? new Date(0);
    });

export const CampaignBody = z
  .object({
    title: zs.text(60, 1),
    skuId: bodyId(),
    groupPriceFen: z.number().int().min(1).max(99_999_999),
    groupSize: z.number().int().min(GROUP_SIZE_MIN).max(GROUP_SIZE_MAX),
    stock: z.number().int().min(1).max(CAMPAIGN_STOCK_MAX),
    startAt: shanghaiTime(),
    endAt: shanghaiTime(),
    groupHours: z.number().int().min(1).max(GROUP_HOURS_MAX),
    perShopperLimit: z.number().int().min(1).max(PER_SHOPPER_LIMIT_MAX),
  })
  .strict();
export type CampaignInput = z.output<typeof CampaignBody>;

/** Edits: everything in a draft; once scheduled, only title, end, limit and a stock change. */
export const CampaignPatchBody = z
  .object({
    title: zs.text(60, 1),
    groupPriceFen: z.number().int().min(1).max(99_999_999),
    groupSize: z.number().int().min(GROUP_SIZE_MIN).max(GROUP_SIZE_MAX),
    startAt: shanghaiTime(),
    endAt: shanghaiTime(),
    groupHours: z.number().int().min(1).max(GROUP_HOURS_MAX),
    perShopperLimit: z.number().int().min(1).max(PER_SHOPPER_LIMIT_MAX),
    /** A change to the campaign's stock (negative removes), never an absolute value. */
    stockDelta: z.number().int().min(-CAMPAIGN_STOCK_MAX).max(CAMPAIGN_STOCK_MAX),
  })
  .strict()
  .partial();
export type CampaignPatch = z.output<typeof CampaignPatchBody>;

export const IdParams = z.object({ id: zs.id() });

export const GroupBuyField = z.object({ campaignId: bodyId(), groupId: bodyId().optional() }).strict();

/** HQ: a campaign's groups, optionally of one status, newest first. */
export const CampaignGroupsQuery = z.object({
  status: z.enum(GROUP_STATUSES).optional(),
  ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});

/** HQ: the campaign list, newest start first; filters by status, title and a start-day window. */
export const CampaignListQuery = z
  .strictObject({
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    keyword: listQuery.keyword().optional(),
    /** Campaigns starting on or after this Beijing day. */
    from: listQuery.day().optional(),
    /** Campaigns starting on or before this Beijing day. */
    to: listQuery.day().optional(),
    ...listQuery.paging(),
  })
  .refine(dayWindowOk.check, { message: dayWindowOk.message, path: dayWindowOk.path });
export type CampaignListInput = z.output<typeof CampaignListQuery>;
