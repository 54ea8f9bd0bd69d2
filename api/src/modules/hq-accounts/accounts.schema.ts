/** Request shapes of 总部账号 management; the console gets them typed through /openapi.json. */
import { z } from 'zod';
import { HQ_ROLES } from '@common/auth/types';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { zs } from '../../http/validate';

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字或 _ . -');
/** At least 10 characters with a letter and a digit: a console account reaches every member's data. */
const password = z
  .string()
  .min(10, '密码至少 10 位')
  .max(128, '密码最多 128 位')
  // A pattern, not a refine: /openapi.json states it, so the console's form rule is derived from it.
  .regex(/^(?=.*[A-Za-z])(?=.*\d)/, '密码须同时包含字母和数字');

export const CreateAccountBody = z.strictObject({
  username,
  password,
  role: z.enum(HQ_ROLES, { error: '请选择角色' }),
  storeId: zs.bodyId().nullable().optional(),
});

export const UpdateAccountBody = z
  .strictObject({
    role: z.enum(HQ_ROLES, { error: '请选择角色' }).optional(),
    storeId: zs.bodyId().nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容', path: ['role'] });

export const ResetPasswordBody = z.strictObject({ password });

export const AccountListQuery = z.object({
  role: z.enum(HQ_ROLES).optional(),
  q: zs.text(32).optional(),
  ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});
