import { z } from 'zod';
import { RULE_BOUNDS } from '@common/attribution/rules';
import { MAX_COMMISSION_BP } from '@common/attribution/commission';
import { zs } from '../../http/validate';
import { listQuery } from '../../http/list-query';

const bodyId = zs.bodyId;
const ruleInt = (k: keyof typeof RULE_BOUNDS) => z.number().int().min(RULE_BOUNDS[k].min).max(RULE_BOUNDS[k].max);

export const IdParams = z.object({ id: zs.id() });

export const TouchBody = z.object({
  t: z.string().min(1).max(64),
  /** The mini-program launch scene (1044 group card, 1047 code scan …). */
  scene: z.number().int().min(1000).max(9999).optional(),
  groupChatId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  path: zs.text(200).default(''),
});

export const LinkBody = z.object({ code: z.string().trim().regex(/^[A-Z0-9]{8}$/, '8 位绑定码') });
export const AddTapBody = z.object({ guideId: bodyId() });
export const PromptBody = z.object({ orderId: bodyId() });

export const StoreBody = z.object({
  name: zs.text(40, 1),
  code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/),
  city: zs.text(20, 1),
});
/** HQ: stores in id order; filters by name or code and by city. */
export const StoreListQuery = z.strictObject({
  keyword: listQuery.keyword().optional(),
  city: zs.text(20).pipe(z.string().min(1, '不能为空')).optional(),
  ...listQuery.paging(),
});
export type StoreListInput = z.output<typeof StoreListQuery>;

export const DefaultGuideBody = z.object({ guideId: bodyId() });

export const GuideBody = z.object({
  name: zs.text(20, 1),
  wecomUserId: z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/),
  storeId: bodyId(),
  avatarUrl: z.url().max(255).optional(),
});
/** HQ: guides in id order; by store, 在职/已离职, and name or 企业微信 UserID. */
export const GuideListQuery = z.strictObject({
  storeId: zs.id().optional(),
  status: z.enum(['active', 'left'], { error: '须为 active 或 left' }).optional(),
  keyword: listQuery.keyword().optional(),
  ...listQuery.paging(),
});
export type GuideListInput = z.output<typeof GuideListQuery>;
/** HQ: commission rates in (scope, ref) order; by scope and by product or category id. */
export const RateListQuery = z.strictObject({
  scope: z.enum(['product', 'category'], { error: '须为 product 或 category' }).optional(),
  refId: zs.id().optional(),
  ...listQuery.paging(),
});
export type RateListInput = z.output<typeof RateListQuery>;
export const LeaveBody = z.object({ reassignTo: bodyId().optional() });
export const ReassignBody = z.object({ toGuideId: bodyId() });

export const RateBody = z.object({ scope: z.enum(['product', 'category']), refId: bodyId(), rateBp: z.number().int().min(0).max(MAX_COMMISSION_BP) });

export const RuleBody = z.object({
  protectionDays: ruleInt('protectionDays'),
  sharingWindowHours: ruleInt('sharingWindowHours'),
  tokenMaxAgeDays: ruleInt('tokenMaxAgeDays'),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const PeriodQuery = z
  .object({ from: day, to: day })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
