import { z } from 'zod';
import { MAX_TEMPLATES_PER_ASK, SUBSCRIBE_ANSWERS, TEMPLATE_ID } from '@common/subscriptions/rules';
import type { ApiRouter } from '../../http/api-router';
import { memberIdOf } from '../../http/context';
import type { Consents } from './consents';

/** wx.requestSubscribeMessage's answer map, without its errMsg: template id → accept / reject / ban / filter. */
const ConsentBody = z.strictObject({
  results: z
    .record(z.string().regex(TEMPLATE_ID, '模板 id 无效'), z.enum(SUBSCRIBE_ANSWERS))
    .refine((r) => Object.keys(r).length <= MAX_TEMPLATES_PER_ASK, { message: `一次最多 ${MAX_TEMPLATES_PER_ASK} 个模板` }),
});

export function registerSubscriptionRoutes(api: ApiRouter, consents: Consents): void {
  api.route({ method: 'get', path: '/api/me/subscriptions', tag: 'subscriptions', summary: '订阅消息：可订阅的模板与已授权的次数', access: 'shopper' }, (ctx) =>
    consents.view(memberIdOf(ctx)),
  );
  api.route(
    { method: 'post', path: '/api/me/subscriptions', tag: 'subscriptions', summary: '订阅消息：记录会员的授权结果（每次同意可发送一次）', access: 'shopper', body: ConsentBody },
    (ctx, { body }) => consents.record(memberIdOf(ctx), body.results),
  );
}
