/**
 * HQ's view of the outbox: deliveries that failed (still retrying, or dead after MAX_ATTEMPTS),
 * and "retry now" for one of them. Operators act; finance may only look.
 */
import { HQ_OPERATORS, HQ_WIDE } from '@common/hq/roles';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { listQuery } from '../../http/list-query';
import type { ApiRouter } from '../../http/api-router';
import { AppError } from '../../http/app-error';
import { IdParams } from '../../http/params';
import type { Outbox } from './outbox';
import { OutboxDelivery } from './outbox.entities';

const READERS = HQ_WIDE;
const OPERATORS = HQ_OPERATORS;

const StuckQuery = z.strictObject({
  status: z.enum(['pending', 'dead']).optional(),
  /** A handler's name, exactly (as the list shows it). */
  handler: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_.:-]+$/, '处理器名称只能包含字母、数字和 _.:-').optional(),
  ...listQuery.paging(),
});

export function registerOutboxRoutes(api: ApiRouter, ds: DataSource, outbox: Outbox): void {
  api.route(
    { method: 'get', path: '/api/hq/outbox/stuck', tag: 'hq', summary: '总部：卡住的事件投递（重试中或已放弃；分页，状态、处理器筛选）', access: { hq: READERS }, query: StuckQuery },
    (_ctx, { query }) => outbox.stuck(query),
  );
  api.route(
    {
      method: 'post',
      path: '/api/hq/outbox/deliveries/:id/retry',
      tag: 'hq',
      summary: '总部：立即重试一条事件投递',
      access: { hq: OPERATORS },
      params: IdParams,
    },
    async (_ctx, { params }) => {
      if (await outbox.retry(params.id)) return null;
      // The conditional retry changed nothing: tell "no such delivery" from "already done".
      const d = await ds.getRepository(OutboxDelivery).findOneBy({ id: params.id });
      throw new AppError(d ? 'OUTBOX_DELIVERY_DONE' : 'OUTBOX_DELIVERY_NOT_FOUND', `delivery ${params.id}`);
    },
  );
}
