import { HQ_FINANCE } from '@common/hq/roles';
import type { ApiRouter } from '../../http/api-router';
import { adminIdOf, memberIdOf } from '../../http/context';
import { IdParams } from '../../http/params';
import type { WeChatPayClient } from '../../wechatpay/client';
import { registerNotifyRoutes } from './notify';
import { HqRefundBody, RefundRequestBody } from './payments.schema';
import type { PaymentsService } from './payments.service';
import type { RefundsService } from './refunds.service';

/** Who may decide and issue refunds: 财务 (and the owner). */
const REFUNDERS = HQ_FINANCE;


export function registerPaymentRoutes(api: ApiRouter, payments: PaymentsService, refunds: RefundsService, wxpay: WeChatPayClient | null, now: () => Date): void {
  api.route(
    { method: 'post', path: '/api/orders/:id/pay', tag: 'payments', summary: '支付：微信支付参数（开发模式返回 dev）', access: 'shopper', params: IdParams },
    (ctx, { params }) => payments.start(memberIdOf(ctx), params.id),
  );
  // Development payments exist only in dev mode (refused by the config in production).
  if (payments.mode === 'dev') {
    api.route(
      { method: 'post', path: '/api/orders/:id/dev-pay', tag: 'payments', summary: '开发模式：立即确认支付（与支付通知同一路径）', access: 'shopper', params: IdParams },
      (ctx, { params }) => payments.devPay(memberIdOf(ctx), params.id),
    );
  }
  api.route(
    { method: 'post', path: '/api/orders/:id/refunds', tag: 'payments', summary: '申请退款（待发货订单）', access: 'shopper', params: IdParams, body: RefundRequestBody, status: 201 },
    (ctx, { params, body }) => refunds.request(memberIdOf(ctx), params.id, body),
  );
  api.route(
    { method: 'post', path: '/api/hq/orders/:id/refunds', tag: 'hq', summary: '总部：发起退款（可部分退款）', access: { hq: REFUNDERS }, params: IdParams, body: HqRefundBody, status: 201 },
    (ctx, { params, body }) => refunds.issue(adminIdOf(ctx), params.id, body),
  );
  api.route(
    { method: 'post', path: '/api/hq/refunds/:id/approve', tag: 'hq', summary: '总部：同意退款申请', access: { hq: REFUNDERS }, params: IdParams },
    (ctx, { params }) => refunds.approve(params.id, adminIdOf(ctx)),
  );
  api.route(
    { method: 'post', path: '/api/hq/refunds/:id/reject', tag: 'hq', summary: '总部：拒绝退款申请', access: { hq: REFUNDERS }, params: IdParams },
    (ctx, { params }) => refunds.reject(params.id, adminIdOf(ctx)),
  );
  // WeChat Pay callbacks answer 204 / {code:'FAIL'}, not our envelope: plain router routes.
  if (wxpay) registerNotifyRoutes(api.router, wxpay, payments, refunds, now);
}
