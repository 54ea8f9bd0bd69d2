import { z } from 'zod';
import { PICKUP_CODE_PATTERN } from '@common/pickup/rules';
import { zs } from '../../http/validate';

/** A decimal degree in a query string (-180.5 style; no exponents, no hex). */
const degreeText = (max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,8})?$/, '须为十进制度数')
    .transform(Number)
    .pipe(z.number().min(-max, `不能小于 -${max}`).max(max, `不能大于 ${max}`));

/** 门店列表: lat and lng together (the shopper's location), or neither. */
export const StoresQuery = z
  .object({ lat: degreeText(90).optional(), lng: degreeText(180).optional() })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: '纬度和经度须同时提供', path: ['lng'] });

export const IdParams = z.object({ id: zs.id() });

const degree = (max: number) => z.number().min(-max).max(max).nullable();

export const PickupStoreBody = z
  .strictObject({
    address: zs.text(120).pipe(z.string().min(1, '请填写门店地址')),
    hours: zs.text(60).pipe(z.string().min(1, '请填写营业时间')),
    lat: degree(90),
    lng: degree(180),
    enabled: z.boolean(),
  })
  .refine((b) => (b.lat === null) === (b.lng === null), { message: '纬度和经度须同时填写或同时留空', path: ['lng'] });

const Code = z.string().trim().regex(PICKUP_CODE_PATTERN, '提货码为 8 位数字');

/** HQ-wide roles name the store; a store manager's own store is implied (another one is a 404). */
export const LookupQuery = z.object({ code: Code, storeId: zs.id().optional() });
export const CollectBody = z.strictObject({ code: Code, storeId: zs.bodyId().optional() });
