import { z } from 'zod';
import { MALL_ITEM_KINDS } from '@common/pointsmall/types';
import { zs } from '../../http/validate';
import { listQuery } from '../../http/list-query';

export const IdParams = z.object({ id: zs.id() });
const bodyId = () => zs.bodyId();
/** Bounds: a mall price fits the ledger's largest entry; stock and limits fit INT with room. */
export const MAX_MALL_POINTS = 10_000_000;

export const MallItemBody = z
  .strictObject({
    title: zs.text(40, 1),
    image: zs.text(255).nullable().default(null),
    description: zs.text(500).default(''),
    kind: z.enum(MALL_ITEM_KINDS),
    skuId: bodyId().nullable().default(null),
    templateId: bodyId().nullable().default(null),
    pointsPrice: z.number().int().min(1).max(MAX_MALL_POINTS),
    cashFen: zs.fen().default(0),
    stock: z.number().int().min(0).max(1_000_000),
    perMemberLimit: z.number().int().min(1).max(100).default(1),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'goods' && b.skuId === null) ctx.addIssue({ code: 'custom', path: ['skuId'], message: '实物商品须指定 SKU' });
    if (b.kind === 'coupon' && b.templateId === null) ctx.addIssue({ code: 'custom', path: ['templateId'], message: '优惠券商品须指定优惠券' });
    if (b.kind === 'coupon' && b.cashFen > 0) ctx.addIssue({ code: 'custom', path: ['cashFen'], message: '优惠券只能用积分兑换' });
  });
export type MallItemInput = z.output<typeof MallItemBody>;

export const MallItemPatch = z.strictObject({
  /** 编辑: what the shopper sees and pays; the kind and its SKU or coupon stay as created. */
  title: zs.text(40, 1).optional(),
  image: zs.text(255).nullable().optional(),
  description: zs.text(500).optional(),
  pointsPrice: z.number().int().min(1).max(MAX_MALL_POINTS).optional(),
  cashFen: zs.fen().optional(),
  perMemberLimit: z.number().int().min(1).max(100).optional(),
  active: z.boolean().optional(),
  /** A stock change (+ adds, − removes), never an absolute value. */
  stockDelta: z.number().int().min(-1_000_000).max(1_000_000).optional(),
});

/** HQ: mall items newest first; filters by on/off shelf, kind and title. */
export const MallItemListQuery = z.strictObject({
  active: listQuery.flag().optional(),
  kind: z.enum(MALL_ITEM_KINDS).optional(),
  keyword: listQuery.keyword().optional(),
  ...listQuery.paging(),
});
export type MallItemListInput = z.output<typeof MallItemListQuery>;
