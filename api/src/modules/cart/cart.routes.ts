import type { ApiRouter } from '../../http/api-router';
import { memberIdOf } from '../../http/context';
import { AddCartItemBody, CartItemParams, PatchCartItemBody, SelectAllBody } from './cart.schema';
import type { CartService } from './cart.service';

export function registerCartRoutes(api: ApiRouter, cart: CartService): void {
  api.route({ method: 'get', path: '/api/cart', tag: 'cart', summary: '购物车', access: 'shopper' }, (ctx) => cart.view(memberIdOf(ctx)));
  api.route(
    { method: 'post', path: '/api/cart/items', tag: 'cart', summary: '加入购物车（已有则累加数量）', access: 'shopper', body: AddCartItemBody },
    (ctx, { body }) => cart.add(memberIdOf(ctx), body.skuId, body.quantity),
  );
  api.route(
    {
      // PUT, not PATCH: wx.request has no PATCH method, and the mini-program is this route's caller.
      method: 'put',
      path: '/api/cart/items/:id',
      tag: 'cart',
      summary: '修改购物车商品数量或勾选',
      access: 'shopper',
      params: CartItemParams,
      body: PatchCartItemBody,
    },
    (ctx, { params, body }) => cart.update(memberIdOf(ctx), params.id, body),
  );
  api.route(
    { method: 'delete', path: '/api/cart/items/:id', tag: 'cart', summary: '删除购物车商品', access: 'shopper', params: CartItemParams },
    (ctx, { params }) => cart.remove(memberIdOf(ctx), params.id),
  );
  api.route(
    { method: 'post', path: '/api/cart/select-all', tag: 'cart', summary: '全选或全不选', access: 'shopper', body: SelectAllBody },
    (ctx, { body }) => cart.selectAll(memberIdOf(ctx), body.selected),
  );
}
