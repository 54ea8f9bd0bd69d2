import { z } from 'zod';
import { MAX_STOCK } from '@common/catalogue/buyable';
import { PRODUCT_SORTS, PRODUCT_STATUSES, SKU_STATUSES } from '@common/catalogue/types';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '@common/paging';
import { zs } from '../../http/validate';
import { listQuery } from '../../http/list-query';

export const ProductListQuery = z.object({
  categoryId: zs.id().optional(),
  keyword: zs.text(50).optional(),
  sort: z.enum(PRODUCT_SORTS).default('newest'),
  ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});

export const HqProductListQuery = ProductListQuery.extend({
  status: z.enum(PRODUCT_STATUSES).optional(),
});

/**
 * A site-relative asset path, an uploaded picture (/uploads/images/…, catalogue.uploads.ts) or an
 * https URL (WeChat only loads https images in production).
 */
const imageUrl = z
  .string()
  .max(255)
  .regex(/^(\/assets\/[A-Za-z0-9/_.-]+|\/uploads\/images\/[0-9a-f]{64}\.(png|jpg|webp)|https:\/\/[^\s"'<>]+)$/, '必须是上传的图片、/assets/ 下的路径或 https 地址');

const specValue = zs.text(20, 1);
const SpecDefSchema = z.strictObject({ name: specValue, values: z.array(specValue).min(1).max(30) });

const originalAbovePrice = (s: { priceFen?: number; originalPriceFen?: number | null }) =>
  s.originalPriceFen == null || s.priceFen === undefined || s.originalPriceFen > s.priceFen;
const originalPriceIssue = { message: '划线价必须高于售价', path: ['originalPriceFen'] };

const SkuFields = {
  specs: z.record(specValue, specValue),
  priceFen: zs.fen().min(1),
  originalPriceFen: zs.fen().nullable().default(null),
  stock: z.number().int().min(0).max(MAX_STOCK),
  status: z.enum(SKU_STATUSES).default('on_sale'),
};

export const SkuBody = z.strictObject(SkuFields).refine(originalAbovePrice, originalPriceIssue);

export const SkuPatchBody = z
  .strictObject({ priceFen: SkuFields.priceFen, originalPriceFen: zs.fen().nullable(), status: z.enum(SKU_STATUSES) })
  .partial()
  .refine(originalAbovePrice, originalPriceIssue);

/** Product fields without defaults: a PATCH must never fill in a value the caller did not send. */
const ProductFields = {
  categoryId: zs.bodyId(),
  title: zs.text(60, 2),
  subtitle: zs.text(120),
  images: z.array(imageUrl).min(1).max(9),
  description: zs.text(5000),
  tags: z.array(zs.text(8, 1)).max(5),
  specs: z.array(SpecDefSchema).max(3),
  status: z.enum(PRODUCT_STATUSES),
};

export const ProductBody = z.strictObject({
  ...ProductFields,
  subtitle: ProductFields.subtitle.default(''),
  description: ProductFields.description.default(''),
  tags: ProductFields.tags.default([]),
  specs: ProductFields.specs.default([]),
  status: ProductFields.status.default('draft'),
  skus: z.array(SkuBody).min(1).max(200),
});

/**
 * One row of an edit's SKU matrix. With `id`: a saved SKU of this product, its new 售价, 划线价 or
 * status (its specs are fixed; its stock changes only through stock adjustments, with a reason).
 * Without: a new combination with its specs, price and stock.
 */
export const SkuChange = z
  .strictObject({
    id: zs.bodyId().optional(),
    specs: SkuFields.specs.optional(),
    priceFen: SkuFields.priceFen.optional(),
    originalPriceFen: zs.fen().nullable().optional(),
    stock: SkuFields.stock.optional(),
    status: z.enum(SKU_STATUSES).optional(),
  })
  .superRefine((s, ctx) => {
    const refuse = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (s.id !== undefined) {
      if (s.specs !== undefined) refuse('specs', '已有 SKU 的规格不能修改');
      if (s.stock !== undefined) refuse('stock', '已有 SKU 的库存请在「库存」中调整并填写原因');
      return;
    }
    if (s.specs === undefined) refuse('specs', '新增 SKU 须填写规格');
    if (s.priceFen === undefined) refuse('priceFen', '新增 SKU 须填写售价');
    if (s.stock === undefined) refuse('stock', '新增 SKU 须填写库存');
  })
  .refine(originalAbovePrice, originalPriceIssue);

/**
 * An edit: any product fields and, in `skus`, the SKU matrix's changes, all saved in one
 * transaction (a refusal anywhere saves nothing).
 */
export const ProductPatchBody = z
  .strictObject({ ...ProductFields, skus: z.array(SkuChange).max(200) })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: '至少修改一个字段' });

export const StockAdjustmentBody = z.strictObject({
  delta: z
    .number()
    .int()
    .min(-MAX_STOCK)
    .max(MAX_STOCK)
    .refine((n) => n !== 0, '变动数量不能为 0'),
  reason: zs.text(64, 1),
});

export const CategoryBody = z.strictObject({
  name: zs.text(32, 1),
  icon: imageUrl.nullable().default(null),
  sort: z.number().int().min(0).max(9999).default(100),
});

export const CategoryPatchBody = z
  .strictObject({ name: CategoryBody.shape.name, icon: imageUrl.nullable(), sort: z.number().int().min(0).max(9999) })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: '至少修改一个字段' });

/** Stock history of one SKU: newest first, paged. */
export const StockHistoryQuery = z.object({ ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) });

const BannerFields = {
  title: zs.text(60, 1),
  image: imageUrl,
  productId: zs.bodyId().nullable(),
  sort: z.number().int().min(0).max(9999),
  active: z.boolean(),
};

export const BannerBody = z.strictObject({
  ...BannerFields,
  productId: BannerFields.productId.default(null),
  sort: BannerFields.sort.default(100),
  active: BannerFields.active.default(true),
});

export const BannerPatchBody = z
  .strictObject(BannerFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: '至少修改一个字段' });

/** HQ: banners in 首页 order (sort, id); filters by shown/hidden and title. */
export const BannerListQuery = z.strictObject({
  active: listQuery.flag().optional(),
  keyword: listQuery.keyword().optional(),
  ...listQuery.paging(),
});
export type BannerListInput = z.output<typeof BannerListQuery>;
