import { z } from 'zod';
import { SEGMENT_CODES } from '@common/insight/rfm';
import { MAX_MANUAL_TAGS, RULE_TAGS } from '@common/insight/tags';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { zs } from '../../http/validate';
import { dayWindowOk, listQuery } from '../../http/list-query';

export const IdParams = z.object({ id: zs.id() });

export const SegmentMembersQuery = z.object({
  segment: z.enum(SEGMENT_CODES).optional(),
  tag: z.enum(RULE_TAGS).optional(),
  manualTag: zs.text(12).pipe(z.string().min(1)).optional(),
  ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});

/** Bounded so every threshold fits its column: days within 10 years, orders, fen up to ¥1,000,000. */
export const ThresholdsBody = z.strictObject({
  recencyDays: z.number().int('须为整数').min(0).max(3650).nullable().optional(),
  frequency: z.number().int('须为整数').min(1).max(10_000).nullable().optional(),
  monetaryFen: z.number().int('须为整数').min(1).max(100_000_000).nullable().optional(),
});

export const ManualTagsBody = z.strictObject({
  tags: z.array(zs.text(12)).max(MAX_MANUAL_TAGS),
});

export const PushBody = z.strictObject({
  /** Names this push: the same key again is the same push (never a second grant). */
  batchKey: z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,32}$/, '只能包含字母、数字和 _ . : -，最多 32 个'),
  templateId: zs.bodyId(),
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('segment'), segment: z.enum(SEGMENT_CODES) }),
    z.strictObject({ kind: z.literal('tag'), tag: z.enum(RULE_TAGS) }),
  ]),
});

/** HQ: segment pushes newest first; filters by segment or rule tag (not both) and a Beijing day window. */
export const PushListQuery = z
  .strictObject({
    segment: z.enum(SEGMENT_CODES).optional(),
    tag: z.enum(RULE_TAGS).optional(),
    /** Pushes made on or after this Beijing day. */
    from: listQuery.day().optional(),
    /** Pushes made on or before this Beijing day. */
    to: listQuery.day().optional(),
    ...listQuery.paging(),
  })
  .refine((q) => !(q.segment && q.tag), { message: '分群与标签只能选一个', path: ['tag'] })
  .refine(dayWindowOk.check, { message: dayWindowOk.message, path: dayWindowOk.path });
export type PushListInput = z.output<typeof PushListQuery>;
