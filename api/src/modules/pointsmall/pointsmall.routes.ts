import { HQ_OPERATORS, HQ_WIDE } from '@common/hq/roles';
import type { ApiRouter } from '../../http/api-router';
import { memberIdOf } from '../../http/context';
import type { PointsMallServices } from './pointsmall.module';
import { IdParams, MallItemBody, MallItemListQuery, MallItemPatch } from './pointsmall.schema';

const EDITORS = { hq: HQ_OPERATORS };

export function registerPointsMallRoutes(api: ApiRouter, mall: PointsMallServices): void {
  api.route({ method: 'get', path: '/api/pointsmall/items', tag: 'pointsmall', summary: '积分商城：商品列表', access: 'public' }, () => mall.items.list({ shopper: true }));
  api.route({ method: 'get', path: '/api/pointsmall/items/:id', tag: 'pointsmall', summary: '积分商城：商品详情', access: 'public', params: IdParams }, (_ctx, { params }) =>
    mall.items.shopperItem(params.id),
  );
  api.route(
    {
      method: 'post', path: '/api/pointsmall/items/:id/redeem', tag: 'pointsmall', access: 'shopper', params: IdParams, status: 201,
      summary: '积分商城：兑换优惠券（立即到账）；实物商品通过 POST /api/orders 的 mallItemId 下单',
    },
    async (ctx, { params }) => {
      const item = await mall.items.shopperItem(params.id).then(() => mall.items.require(params.id));
      return mall.redemptions.redeemCoupon(memberIdOf(ctx), item);
    },
  );
  api.route({ method: 'get', path: '/api/pointsmall/redemptions', tag: 'pointsmall', summary: '积分商城：兑换记录', access: 'shopper' }, (ctx) =>
    mall.redemptions.history(memberIdOf(ctx)),
  );

  api.route({ method: 'get', path: '/api/hq/pointsmall/items', tag: 'hq', summary: '总部：积分商城商品（含下架；分页，上下架、类型、标题筛选）', access: { hq: HQ_WIDE }, query: MallItemListQuery }, (_ctx, { query }) =>
    mall.items.hqList(query),
  );
  api.route({ method: 'post', path: '/api/hq/pointsmall/items', tag: 'hq', summary: '总部：上架积分商城商品', access: EDITORS, body: MallItemBody, status: 201 }, (_ctx, { body }) =>
    mall.items.create(body),
  );
  api.route(
    { method: 'patch', path: '/api/hq/pointsmall/items/:id', tag: 'hq', summary: '总部：编辑积分商城商品（名称、图片、说明、价格、限兑）、启停、增减库存', access: EDITORS, params: IdParams, body: MallItemPatch },
    (_ctx, { params, body }) => mall.items.patch(params.id, body),
  );
}
