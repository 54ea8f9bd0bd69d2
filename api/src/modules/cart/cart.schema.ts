import { z } from 'zod';
import { zs } from '../../http/validate';

export const CartItemParams = z.object({ id: zs.id() });

/**
 * Quantities are refused above MAX_LINE_QUANTITY by the service (QUANTITY_OVER_LIMIT, naming
 * `quantity`), since "over the limit" is a clearer message than a generic range error; the
 * schema only bounds the value so arithmetic stays far from integer overflow.
 */
const quantity = z.number().int().min(1).max(9_999);

export const AddCartItemBody = z.strictObject({ skuId: zs.bodyId(), quantity: quantity.default(1) });

export const PatchCartItemBody = z
  .strictObject({ quantity, selected: z.boolean() })
  .partial()
  .refine((p) => p.quantity !== undefined || p.selected !== undefined, { message: '至少修改一个字段' });

export const SelectAllBody = z.strictObject({ selected: z.boolean() });
