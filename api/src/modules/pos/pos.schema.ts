/** zod schemas of the POS routes (the counter's) and of HQ's POS routes. */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@common/paging';
import { POS_LIMITS } from '@common/pos/rules';
import { PAYMENT_METHODS } from '@common/pos/types';
import { zs } from '../../http/validate';

const fen = () => z.number().int('须为整数（分）').min(0).max(POS_LIMITS.maxFen);
const docNo = () => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '须为 1–64 位字母、数字、_ 或 -');
const instant = () => z.iso.datetime({ offset: true, error: '须为 ISO 8601 时间（含时区）' });

/** Exactly one of the member code (会员码) and a phone number. */
export const IdentifyBody = z
  .strictObject({ memberToken: z.string().min(1).max(64).optional(), phone: z.string().regex(/^[0-9+ -]{6,20}$/, '须为手机号').optional() })
  .refine((b) => (b.memberToken === undefined) !== (b.phone === undefined), { message: '请提供会员码或手机号（二选一）', path: ['memberToken'] });
export const RedeemCouponBody = z.strictObject({ code: z.string().regex(/^\d{12}$/, '须为 12 位券码'), receiptNo: docNo().optional() });
export const PickupCodeParams = z.object({ code: z.string().regex(/^\d{8}$/, '须为 8 位提货码') });

export const SaleLineBody = z.strictObject({
  sku: z.string().max(64).optional(),
  title: zs.text(60).pipe(z.string().min(1)),
  quantity: z.number().int().min(1).max(POS_LIMITS.maxQuantity),
  unitFen: fen(),
  amountFen: fen(),
});

export const SaleBody = z.strictObject({
  receiptNo: docNo(),
  soldAt: instant(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  lines: z.array(SaleLineBody).min(1).max(POS_LIMITS.maxLines),
  totalFen: fen(),
  discountFen: fen(),
  payableFen: fen(),
  /** From POST /api/pos/members/identify; absent for a guest sale. */
  memberRef: z.string().max(64).optional(),
  /** The guide the counter names (used when the member has no bound guide). */
  guideId: zs.bodyId().optional(),
});
export type SaleInput = z.output<typeof SaleBody>;

export const ReturnBody = z.strictObject({
  returnNo: docNo(),
  receiptNo: docNo(),
  amountFen: fen().pipe(z.number().min(1)),
  returnedAt: instant(),
});
export type ReturnInput = z.output<typeof ReturnBody>;

export const StoreIdParams = z.object({ id: zs.id() });
export const KeyIdParams = z.object({ id: zs.id() });
export const CreateKeyBody = z.strictObject({ label: zs.text(40).pipe(z.string().min(1, '请填写名称')) });

const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '须为 YYYY-MM-DD（北京时间）');
export const SalesQuery = z.object({
  storeId: zs.id().optional(),
  guideId: zs.id().optional(),
  memberId: zs.id().optional(),
  receiptNo: docNo().optional(),
  from: day().optional(),
  to: day().optional(),
  ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});
export type SalesFilter = z.output<typeof SalesQuery>;
export const SummaryQuery = z.object({ from: day(), to: day() });

export const SettingsBody = z.strictObject({ doublePoints: z.boolean(), offlineCommission: z.boolean() });
