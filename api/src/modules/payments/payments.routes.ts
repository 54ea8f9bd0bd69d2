import { HQ_FINANCE, HQ_WIDE } from '@common/hq/roles';
import type { ApiRouter } from '../../http/api-router';
import { adminIdOf, memberIdOf } from '../../http/context';
import { IdParams } from '../../http/params';
import type { WeChatPayClient } from '../../wechatpay/client';
import { registerNotifyRoutes } from './notify';
import type { PaymentsHqReads } from './payments.hq-reads';
import { HqApproveBody, HqRefundBody, HqRefundListQuery, HqRejectBody, RefundRequestBody } from './payments.schema';
import type { PaymentsService } from './payments.service';
import type { RefundsService } from './refunds.service';

/** Who may decide and issue refunds: 财务 (and the owner). */
const REFUNDERS = HQ_FINANCE;


export function registerPaymentRoutes(api: ApiRouter, payments: PaymentsService, refunds: RefundsService, hqReads: PaymentsHqReads, wxpay: WeChatPayClient | null, now: () => Date): void {
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
    { method: 'post', path: '/api/hq/refunds/:id/approve', tag: 'hq', summary: '总部：同意退款申请（可只同意部分金额）', access: { hq: REFUNDERS }, params: IdParams, body: HqApproveBody, audit: { before: ({ params }) => refunds.snapshot(params.id) } },
    (ctx, { params, body }) => refunds.approve(params.id, adminIdOf(ctx), body.amountFen),
  );
  api.route(
    { method: 'post', path: '/api/hq/refunds/:id/reject', tag: 'hq', summary: '总部：拒绝退款申请（填写原因）', access: { hq: REFUNDERS }, params: IdParams, body: HqRejectBody, audit: { before: ({ params }) => refunds.snapshot(params.id) } },
    (ctx, { params, body }) => refunds.reject(params.id, adminIdOf(ctx), body.reason),
  );
  api.route(
    { method: 'get', path: '/api/hq/refunds', tag: 'hq', summary: '总部：退款列表（按状态，新的在前）', access: { hq: HQ_WIDE }, query: HqRefundListQuery },
    (_ctx, { query }) => hqReads.refunds(query),
  );
  api.route(
    { method: 'get', path: '/api/hq/orders/:id/payments', tag: 'hq', summary: '总部：订单的支付与退款记录', access: { hq: HQ_WIDE }, params: IdParams },
    (_ctx, { params }) => hqReads.ofOrder(params.id),
  );
  // WeChat Pay callbacks answer 204 / {code:'FAIL'}, not our envelope: plain router routes.
  if (wxpay) registerNotifyRoutes(api.router, wxpay, payments, refunds, now);
}
