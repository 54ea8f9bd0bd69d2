/**
 * Order route schemas. The checkout body goes through two gates before the generic schema:
 *  1. any price-like key anywhere in the body is refused (400 PRICE_FIELD_REFUSED naming it):
 *     the client sends SKU ids and quantities only, every figure is the server's;
 *  2. each line's quantity is checked with its own codes (QUANTITY_INVALID / QUANTITY_OVER_LIMIT
 *     naming `lines.N.quantity`), so the page can say exactly what is wrong.
 * Both throw AppError from zod's preprocess step, which zod lets through unchanged.
 */
import { z, type ZodType } from 'zod';
import { CARRIER_CODES } from '@common/order/carriers';
import { ORDER_KINDS, ORDER_STATUSES, ORDER_TABS } from '@common/order/state';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from '@common/order/pricing';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { AppError } from '../../http/app-error';
import { zs } from '../../http/validate';
import type { CheckoutBodyCore } from './checkout/contributor';

/** Keys that carry money or a total: a client never sends these. */
const PRICE_KEY = /(fen$|price|amount|total|payable|discount|freight)/i;

/**
 * The dotted path of the first price-like key in `value`, or null. `allowed` names top-level keys
 * that are never price fields themselves (contributor fields such as `pointsToUse`), though what
 * they contain is still scanned.
 */
export function findPriceField(value: unknown, path = '', depth = 0, allowed: ReadonlySet<string> = new Set()): string | null {
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const here = path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && PRICE_KEY.test(key) && !(depth === 0 && allowed.has(key))) return here;
    const deeper = findPriceField(child, here, depth + 1);
    if (deeper) return deeper;
  }
  return null;
}

function checkQuantities(lines: unknown): void {
  if (!Array.isArray(lines)) return;
  lines.forEach((line, i) => {
    if (line === null || typeof line !== 'object' || !('quantity' in line)) return;
    const q = (line as { quantity: unknown }).quantity;
    const field = `lines.${i}.quantity`;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 1) {
      throw new AppError('QUANTITY_INVALID', field, [{ field, message: '购买数量必须是正整数' }]);
    }
    if (q > MAX_LINE_QUANTITY) {
      throw new AppError('QUANTITY_OVER_LIMIT', field, [{ field, message: `单件商品最多购买 ${MAX_LINE_QUANTITY} 件` }]);
    }
  });
  if (lines.length === 0) throw new AppError('CART_EMPTY', 'no lines', [{ field: 'lines', message: '请至少选择一件商品' }]);
}

const gate = (allowed: ReadonlySet<string>) => (body: unknown): unknown => {
  const priceField = findPriceField(body, '', 0, allowed);
  if (priceField) throw new AppError('PRICE_FIELD_REFUSED', priceField, [{ field: priceField, message: '价格由服务端计算' }]);
  if (body && typeof body === 'object') checkQuantities((body as { lines?: unknown }).lines);
  return body;
};

const LineInput = z.strictObject({
  skuId: z.number().int().min(1).max(2_147_483_647),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

/** Distinct SKUs only: a duplicate line is refused (naming it) rather than silently merged. */
const Lines = z
  .array(LineInput)
  .min(1)
  .max(MAX_ORDER_LINES)
  .superRefine((lines, ctx) => {
    const seen = new Set<number>();
    lines.forEach((l, i) => {
      if (seen.has(l.skuId)) ctx.addIssue({ code: 'custom', path: [i, 'skuId'], message: '同一规格请合并为一行' });
      seen.add(l.skuId);
    });
  });

const AddressId = z.number().int().min(1).max(2_147_483_647);

/**
 * The checkout bodies, built once from the fields the registered contributors read, so a new
 * contributor's field is validated, documented in OpenAPI and covered by the request hash
 * without an edit here.
 */
export function checkoutSchemas(fields: readonly { name: string; schema: ZodType }[]) {
  const extra = Object.fromEntries(fields.map((f) => [f.name, f.schema]));
  const allowed = new Set(fields.map((f) => f.name));
  const core = { lines: Lines, remark: zs.text(100).default(''), ...extra };
  return {
    // addressId is required only of an order that ships (checkout.service decides once the kind is known).
    CheckoutBody: z.preprocess(gate(allowed), z.strictObject({ ...core, addressId: AddressId.optional() })),
    CheckoutPreviewBody: z.preprocess(gate(allowed), z.strictObject({ ...core, addressId: AddressId.optional() })),
  };
}

/** The parsed body of POST /api/orders: the core fields plus each contributor's own. */
export type CheckoutInput = CheckoutBodyCore & { addressId?: number; remark: string };

const TAB_KEYS = ORDER_TABS.map((t) => t.key) as [string, ...string[]];
export const OrderListQuery = z.object({
  tab: z.enum(TAB_KEYS).default('all'),
  ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});

/** A Beijing calendar day, YYYY-MM-DD, that exists (2026-02-30 is refused). */
const beijingDay = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '不是有效的日期');

/** HQ order list filters (idx_order_*_created serve each; see migration 1796150000000). */
export const HqOrderListQuery = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    kind: z.enum(ORDER_KINDS).optional(),
    orderNo: z.string().trim().min(1).max(32).optional(),
    phone: z.string().trim().regex(/^[0-9+-]{5,20}$/, '手机号格式不正确').optional(),
    from: beijingDay().optional(),
    to: beijingDay().optional(),
    ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export type HqOrderListInput = z.output<typeof HqOrderListQuery>;

/** `carrier` is WeChat's delivery company id (SF, ZTO, …): upload_shipping_info refuses free text. */
export const ShipBody = z.strictObject({
  carrier: z.enum(CARRIER_CODES, { error: `快递公司须为 ${CARRIER_CODES.join('、')} 之一` }),
  trackingNo: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/, '运单号只能包含字母、数字和短横线'),
});

/** Idempotency-Key: 1..64 of [A-Za-z0-9_-]; absent means "no idempotency", empty is refused. */
export function parseIdempotencyKey(raw: string | string[] | undefined): string | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(raw)) {
    throw new AppError('VALIDATION_FAILED', 'bad Idempotency-Key', [{ field: 'Idempotency-Key', message: '须为 1–64 位字母、数字、下划线或短横线' }]);
  }
  return raw;
}
