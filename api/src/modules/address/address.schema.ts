import { z } from 'zod';
import { isValidPhone } from '@common/address/rules';
import { zs } from '../../http/validate';

export const AddressParams = z.object({ id: zs.id() });

const required = (max: number) => zs.text(max).pipe(z.string().min(1, '不能为空'));

export const AddressBody = z.strictObject({
  name: required(20),
  phone: z
    .string()
    .trim()
    .max(20)
    .refine(isValidPhone, '请填写正确的手机号或固定电话'),
  province: required(20),
  city: required(20),
  district: required(20),
  detail: required(120),
  isDefault: z.boolean().default(false),
});
