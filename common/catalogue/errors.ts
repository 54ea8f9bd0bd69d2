/** Error copy of products, SKUs, categories and stock. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const CATALOGUE_ERRORS = {
  PRODUCT_NOT_FOUND: '商品不存在或已下架',
  CATEGORY_NOT_FOUND: '分类不存在',
  SKU_NOT_FOUND: '商品规格不存在',
  SKU_SPEC_INVALID: '规格与商品的规格定义不一致',
  SKU_SPEC_DUPLICATE: '该规格组合已存在',
  STOCK_WOULD_GO_NEGATIVE: '库存不足，无法扣减',
  STOCK_OVER_LIMIT: '库存超出上限（9,999,999 件）',
  CATEGORY_NAME_TAKEN: '分类名称已存在',
  SKU_OFF_SALE: '商品已下架',
  OUT_OF_STOCK: '库存不足，请减少数量或选择其他规格',
} as const;
