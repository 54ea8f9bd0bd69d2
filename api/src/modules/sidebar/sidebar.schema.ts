/** Request schemas of the sidebar routes (zod); every failure names its field. */
import { z } from 'zod';
import { GROUP_KINDS, SEND_TARGET_KINDS } from '@common/sidebar/types';
import { zs } from '../../http/validate';

/** WeCom ids (chat ids `wr…`, external userids `wm…`/`wo…`): letters, digits, `_` and `-`. */
const wecomId = () => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '须为企业微信 ID（字母、数字、_ 或 -，不超过 64 位）');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '须为 YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)), '日期不存在');

export const LoginBody = z.strictObject({ code: z.string().trim().min(1).max(128) });
export const DevCodeBody = z.union([
  z.strictObject({ userid: z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/) }),
  z.strictObject({ openid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
]);
export const JssdkBody = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: '须为 http(s) 页面地址' }).max(1024),
});
export const ContactParams = z.object({ externalUserId: wecomId() });
export const ChatParams = z.object({ chatId: wecomId() });
export const SendIdParams = z.object({ id: zs.id() });
export const NoteBody = z.strictObject({ text: zs.text(500).min(1, '请填写备注') });
export const TargetsQuery = z.object({ kind: z.enum(SEND_TARGET_KINDS).optional(), q: zs.text(40).optional() });
export const SendBody = z
  .strictObject({
    chatKind: z.enum(['single', 'group']),
    chatId: wecomId(),
    targetKind: z.enum(SEND_TARGET_KINDS),
    targetId: zs.bodyId().optional(),
  })
  .refine((b) => b.targetKind === 'newcomer' || b.targetId !== undefined, { message: '请选择要发送的内容', path: ['targetId'] });
export const OutcomeBody = z.strictObject({ outcome: z.enum(['sent', 'failed', 'cancelled']), errMsg: zs.text(200).optional() });
export const HqGroupsQuery = z.object({ ...zs.paging(50, 20), kind: z.enum([...GROUP_KINDS, 'none']).optional(), ownerGuideId: zs.id().optional() });
export const KindBody = z.strictObject({ kind: z.enum(GROUP_KINDS).nullable() });
export const PeriodQuery = z.object({ from: day, to: day }).refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
