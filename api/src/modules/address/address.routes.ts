import type { ApiRouter } from '../../http/api-router';
import { memberIdOf } from '../../http/context';
import { AddressBody, AddressParams } from './address.schema';
import type { AddressService } from './address.service';

export function registerAddressRoutes(api: ApiRouter, addresses: AddressService): void {
  api.route({ method: 'get', path: '/api/addresses', tag: 'address', summary: '收货地址列表（默认地址在前）', access: 'shopper' }, (ctx) =>
    addresses.list(memberIdOf(ctx)),
  );
  api.route(
    { method: 'post', path: '/api/addresses', tag: 'address', summary: '新增收货地址', access: 'shopper', body: AddressBody, status: 201 },
    (ctx, { body }) => addresses.create(memberIdOf(ctx), body),
  );
  api.route(
    { method: 'put', path: '/api/addresses/:id', tag: 'address', summary: '修改收货地址', access: 'shopper', params: AddressParams, body: AddressBody },
    (ctx, { params, body }) => addresses.update(memberIdOf(ctx), params.id, body),
  );
  api.route(
    { method: 'delete', path: '/api/addresses/:id', tag: 'address', summary: '删除收货地址', access: 'shopper', params: AddressParams },
    async (ctx, { params }) => {
      await addresses.remove(memberIdOf(ctx), params.id);
      return null;
    },
  );
}
