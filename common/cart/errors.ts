/** Error copy of the cart and line quantities. Merged into ERROR_MESSAGES (common/errors.ts); statuses in the API module. */
export const CART_ERRORS = {
  CART_ITEM_NOT_FOUND: '购物车中没有这件商品',
  CART_FULL: '购物车已满，请先清理部分商品',
  CART_EMPTY: '请先选择要结算的商品',
  QUANTITY_INVALID: '购买数量不正确',
  QUANTITY_OVER_LIMIT: '超出单次购买数量上限',
} as const;
