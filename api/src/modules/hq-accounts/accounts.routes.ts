/** 总部账号: list, create, change role/store or disable, reset password. 总部管理员 only. */
import { HQ_OWNER } from '@common/hq/roles';
import type { ApiRouter } from '../../http/api-router';
import { AppError } from '../../http/app-error';
import { adminIdOf } from '../../http/context';
import { IdParams } from '../../http/params';
import type { HqAccounts } from '../auth';
import { AccountListQuery, CreateAccountBody, ResetPasswordBody, UpdateAccountBody } from './accounts.schema';

const owner = { hq: HQ_OWNER };

export function registerAccountRoutes(api: ApiRouter, accounts: HqAccounts, storeExists: (id: number) => Promise<boolean>): void {
  const checkStore = async (storeId: number | null | undefined) => {
    if (storeId != null && !(await storeExists(storeId))) throw new AppError('HQ_STORE_NOT_FOUND', undefined, [{ field: 'body.storeId', message: '门店不存在' }]);
  };
  api.route({ method: 'get', path: '/api/hq/accounts', tag: 'hq', summary: '总部：账号列表', access: owner, query: AccountListQuery }, (_c, { query }) => accounts.list(query));
  api.route({ method: 'get', path: '/api/hq/accounts/:id', tag: 'hq', summary: '总部：账号详情', access: owner, params: IdParams }, (_c, { params }) => accounts.get(params.id));
  api.route(
    { method: 'post', path: '/api/hq/accounts', tag: 'hq', summary: '总部：新建账号（门店店长须绑定门店）', access: owner, body: CreateAccountBody, status: 201 },
    async (_c, { body }) => {
      await checkStore(body.storeId);
      return accounts.create({ ...body, storeId: body.storeId ?? null });
    },
  );
  api.route(
    {
      method: 'patch',
      path: '/api/hq/accounts/:id',
      tag: 'hq',
      summary: '总部：修改角色、门店或停用/启用账号（立即生效）',
      access: owner,
      params: IdParams,
      body: UpdateAccountBody,
      audit: { before: ({ params }) => accounts.snapshot(params.id) },
    },
    async (ctx, { params, body }) => {
      await checkStore(body.storeId);
      return accounts.update(params.id, body, adminIdOf(ctx) ?? 0);
    },
  );
  api.route(
    {
      method: 'post',
      path: '/api/hq/accounts/:id/password',
      tag: 'hq',
      summary: '总部：重置账号密码（同时解除锁定）',
      access: owner,
      params: IdParams,
      body: ResetPasswordBody,
      audit: { before: ({ params }) => accounts.snapshot(params.id) },
    },
    (_c, { params, body }) => accounts.resetPassword(params.id, body.password),
  );
}
