/** Error copy of the points mall. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const POINTSMALL_ERRORS = {
  MALL_ITEM_NOT_FOUND: '兑换商品不存在或已下架',
  MALL_ITEM_SOLD_OUT: '该商品已兑完',
  MALL_LIMIT_REACHED: '已达到兑换上限',
  MALL_ITEM_KIND_MISMATCH: '该商品不支持此兑换方式',
  MALL_LINES_MISMATCH: '积分兑换每次只能兑换一件该商品',
} as const;
