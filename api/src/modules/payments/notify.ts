/**
 * WeChat Pay callbacks: POST /api/payments/wechat/notify (TRANSACTION.SUCCESS) and
 * /api/payments/wechat/refund-notify (REFUND.*). They answer 204 with no body on success or a
 * duplicate, and 4xx `{code:"FAIL",message}` when refused (WeChat then retries, which is right
 * for a transient problem and harmless for a forged one). Nothing changes unless verification,
 * merchant, appid and amount all check out.
 *
 * Raw body: @koa/bodyparser keeps the received text in ctx.request.rawBody (decoded as UTF-8).
 * WeChat sends UTF-8 JSON, so re-encoding it gives back the exact bytes the signature covers;
 * any body that is not valid UTF-8 comes back different and fails verification (the safe way).
 */
import { AppError } from '../../http/app-error';
import type { AppContext } from '../../http/context';
import type { RouteTable } from '../../http/route-table';
import { WeChatPayVerificationError, type WeChatPayClient, type WxRefundNotice, type WxTransaction } from '../../wechatpay/client';
import { PaymentRefused, type PaymentsService } from './payments.service';
import type { RefundsService } from './refunds.service';

export const NOTIFY_PATH = '/api/payments/wechat/notify';
const REFUND_NOTIFY_PATH = '/api/payments/wechat/refund-notify';

function answer(ctx: AppContext, status: number, message?: string): void {
  ctx.set('Cache-Control', 'no-store');
  if (status === 204) {
    ctx.status = 204;
    ctx.body = null;
    return;
  }
  ctx.status = status;
  ctx.body = { code: 'FAIL', message: message ?? '失败' };
}

function rawBodyOf(ctx: AppContext): Buffer | null {
  const raw = (ctx.request as unknown as { rawBody?: string }).rawBody;
  return typeof raw === 'string' ? Buffer.from(raw, 'utf8') : null;
}

/** Runs one callback: verify → apply → 204; maps every failure to a FAIL answer, never a 500 page. */
async function handle(ctx: AppContext, wxpay: WeChatPayClient, now: () => Date, apply: (resource: any, eventType: string) => Promise<void>): Promise<void> {
  const log = ctx.state.log;
  try {
    const raw = rawBodyOf(ctx);
    if (!raw) return answer(ctx, 400, 'empty body');
    const { notification, resource } = wxpay.verifyNotification(ctx.req.headers, raw, now());
    await apply(resource, notification.event_type);
    answer(ctx, 204);
  } catch (err) {
    if (err instanceof WeChatPayVerificationError) {
      log.warn({ reason: err.reason }, 'WeChat Pay notification refused: verification failed');
      return answer(ctx, 401, `verification failed: ${err.reason}`);
    }
    if (err instanceof PaymentRefused) {
      log.warn({ reason: err.message }, 'WeChat Pay notification refused');
      return answer(ctx, err.status, err.message);
    }
    if (err instanceof AppError && err.status < 500) {
      log.warn({ code: err.code, detail: err.detail }, 'WeChat Pay notification refused');
      return answer(ctx, err.status, err.code);
    }
    // Database trouble and the like: a 5xx makes WeChat retry later.
    log.error({ err }, 'WeChat Pay notification failed');
    answer(ctx, 503, 'temporarily unavailable');
  }
}

export function registerNotifyRoutes(router: RouteTable, wxpay: WeChatPayClient, payments: PaymentsService, refunds: RefundsService, now: () => Date): void {
  router.post(NOTIFY_PATH, (ctx) =>
    handle(ctx, wxpay, now, async (tx: WxTransaction, eventType) => {
      if (eventType !== 'TRANSACTION.SUCCESS') throw new PaymentRefused(400, `unexpected event ${eventType}`);
      await payments.applyTransaction(tx, 'wechatpay');
    }),
  );

  router.post(REFUND_NOTIFY_PATH, (ctx) =>
    handle(ctx, wxpay, now, async (r: WxRefundNotice, eventType) => {
      if (!/^REFUND\.(SUCCESS|ABNORMAL|CLOSED)$/.test(eventType)) throw new PaymentRefused(400, `unexpected event ${eventType}`);
      if (r.mchid !== wxpay.mchid) throw new PaymentRefused(400, `mchid ${r.mchid} is not ours`);
      if (typeof r.out_refund_no !== 'string' || !Number.isInteger(r.amount?.refund)) throw new PaymentRefused(400, 'refund incomplete');
      const known = await refunds.applyResult({ outRefundNo: r.out_refund_no, status: r.refund_status, refundFen: r.amount.refund, wxRefundId: r.refund_id ?? null });
      if (!known) throw new PaymentRefused(404, `unknown out_refund_no ${r.out_refund_no}`);
    }),
  );
}
