/**
 * A fake of WeChat Pay APIv3 on loopback, speaking the real protocol: it checks the merchant's
 * Authorization signature (401 SIGN_ERROR), answers the real paths with real field names and
 * error bodies `{code, message}`, signs every answer with its platform key (Wechatpay-Serial is
 * a PUB_KEY_ID_… in public-key mode, the certificate serial in certificate mode), and sends
 * signed, encrypted notifications. Development and tests only; production refuses it.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type http from 'node:http';
import { rfc3339, type WxRefund, type WxTransaction } from './client';
import { certificateSerial, nonce, parseAuthorization, publicKeyFrom, requestMessage, responseMessage, sign, unixNow, verify } from './crypto';
import { buildNotification, deliver, type BuiltNotification, type NotificationOverrides } from './fake-notifications';
import { LoopbackServer } from '../http/loopback-server';

export interface FakeMerchant {
  mchid: string;
  serial: string;
  privateKeyPem: string;
  publicKeyPem: string;
  apiV3Key: string;
}

export interface FakeWeChatPayOptions {
  appid: string;
  merchant: FakeMerchant;
  /** Certificate mode: the platform certificate and its private key. Default: public-key mode with a fresh key. */
  platformCert?: { certPem: string; privateKeyPem: string };
}

interface FakeOrder {
  tx: WxTransaction;
  prepayId: string;
  notifyUrl: string;
  openid: string;
}

interface FakeRefund {
  refund: WxRefund;
  notifyUrl: string | null;
}

type Reply = { status: number; body?: unknown };
const fail = (status: number, code: string, message: string): Reply => ({ status, body: { code, message } });

export class FakeWeChatPay {
  readonly merchant: FakeMerchant;
  /** How the API verifies us: `{mode:'public_key', id, publicKeyPem}` or `{mode:'certificate', certPem}`. */
  readonly platform: { mode: 'public_key'; id: string; publicKeyPem: string } | { mode: 'certificate'; certPem: string };
  private readonly platformKey: KeyObject;
  private readonly platformSerial: string;
  private readonly merchantKey: KeyObject;
  private readonly orders = new Map<string, FakeOrder>();
  private readonly refunds = new Map<string, FakeRefund>();
  private readonly forced: Reply[] = [];
  private readonly server = new LoopbackServer((req, res) => this.handle(req, res));
  /** Every API request the fake saw (after signature checks), for tests. */
  readonly calls: { method: string; path: string; body: any; status: number }[] = [];
  baseUrl = '';

  constructor(private readonly opts: FakeWeChatPayOptions) {
    this.merchant = opts.merchant;
    this.merchantKey = publicKeyFrom(opts.merchant.publicKeyPem);
    if (opts.platformCert) {
      this.platformKey = createPrivateKey(opts.platformCert.privateKeyPem);
      this.platformSerial = certificateSerial(opts.platformCert.certPem);
      this.platform = { mode: 'certificate', certPem: opts.platformCert.certPem };
    } else {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      this.platformKey = privateKey;
      this.platformSerial = `PUB_KEY_ID_0${randomBytes(12).toString('hex').toUpperCase()}`;
      this.platform = { mode: 'public_key', id: this.platformSerial, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    }
  }

  async start(): Promise<string> {
    this.baseUrl = await this.server.start();
    return this.baseUrl;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Make the next API call answer this (e.g. 500 SYSTEM_ERROR) instead of its real answer. */
  failNext(status: number, code = 'SYSTEM_ERROR', message = '系统错误'): void {
    this.forced.push(fail(status, code, message));
  }

  order(outTradeNo: string): WxTransaction | null {
    return this.orders.get(outTradeNo)?.tx ?? null;
  }
  refund(outRefundNo: string): WxRefund | null {
    return this.refunds.get(outRefundNo)?.refund ?? null;
  }

  /** The shopper paid, but the notification is lost (WeChat's retries all failed). */
  payWithoutNotify(outTradeNo: string, now = new Date()): WxTransaction {
    const o = this.orders.get(outTradeNo);
    if (!o) throw new Error(`fake WeChat Pay: no prepay for ${outTradeNo}`);
    if (o.tx.trade_state === 'NOTPAY') {
      Object.assign(o.tx, {
        trade_state: 'SUCCESS',
        trade_state_desc: '支付成功',
        transaction_id: `4200${String(Date.now()).slice(-10)}${randomBytes(5).toString('hex')}`.slice(0, 28),
        success_time: rfc3339(now),
        amount: { ...o.tx.amount!, payer_total: o.tx.amount!.total, payer_currency: 'CNY' },
      });
    }
    return o.tx;
  }

  /** The shopper pays: SUCCESS, then the TRANSACTION.SUCCESS notification is POSTed to notify_url. */
  async pay(outTradeNo: string): Promise<{ status: number; text: string }> {
    this.payWithoutNotify(outTradeNo);
    return deliver(this.notification(outTradeNo));
  }

  /** A signed TRANSACTION.SUCCESS notification for a paid order, not sent (pay first if unpaid). */
  notification(outTradeNo: string, overrides: NotificationOverrides = {}, now = new Date()): BuiltNotification {
    const tx = this.payWithoutNotify(outTradeNo, now);
    const o = this.orders.get(outTradeNo)!;
    const resource = { ...tx, trade_state: 'SUCCESS', trade_state_desc: '支付成功', trade_type: 'JSAPI', bank_type: 'OTHERS', attach: '', payer: { openid: o.openid } };
    return buildNotification(this.signer, this.merchant.apiV3Key, o.notifyUrl, { eventType: 'TRANSACTION.SUCCESS', summary: '支付成功', originalType: 'transaction' }, resource, overrides, now);
  }

  /** WeChat settles a refund (SUCCESS, ABNORMAL or CLOSED) and, unless told not to, notifies. */
  async settleRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED' = 'SUCCESS', notify = true): Promise<{ status: number; text: string } | null> {
    const r = this.refunds.get(outRefundNo);
    if (!r) throw new Error(`fake WeChat Pay: no refund ${outRefundNo}`);
    r.refund.status = status;
    if (status === 'SUCCESS') r.refund.success_time = rfc3339(new Date());
    if (!notify || !r.notifyUrl) return null;
    return deliver(this.refundNotification(outRefundNo));
  }

  /** The REFUND.* notification for a refund's current status, not sent. */
  refundNotification(outRefundNo: string, overrides: NotificationOverrides = {}, now = new Date()): BuiltNotification {
    const { refund, notifyUrl } = this.refunds.get(outRefundNo)!;
    const resource = {
      mchid: this.merchant.mchid,
      out_trade_no: refund.out_trade_no,
      transaction_id: refund.transaction_id,
      out_refund_no: refund.out_refund_no,
      refund_id: refund.refund_id,
      refund_status: refund.status,
      ...(refund.success_time ? { success_time: refund.success_time } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: refund.amount.total, refund: refund.amount.refund, payer_total: refund.amount.total, payer_refund: refund.amount.refund },
    };
    const summary = { SUCCESS: '退款成功', ABNORMAL: '退款异常', CLOSED: '退款关闭', PROCESSING: '退款处理中' }[refund.status];
    return buildNotification(this.signer, this.merchant.apiV3Key, notifyUrl ?? '', { eventType: `REFUND.${refund.status}`, summary, originalType: 'refund' }, resource, overrides, now);
  }

  private get signer() {
    return { key: this.platformKey, serial: this.platformSerial };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    let reply: Reply;
    let body: any = null;
    const auth = parseAuthorization(req.headers.authorization);
    const ts = Number(auth?.timestamp);
    if (
      !auth ||
      auth.mchid !== this.merchant.mchid ||
      auth.serial_no !== this.merchant.serial ||
      Math.abs(unixNow() - ts) > 300 ||
      !verify(requestMessage(method, url.pathname + url.search, auth.timestamp, auth.nonce_str, raw), auth.signature, this.merchantKey)
    ) {
      reply = fail(401, 'SIGN_ERROR', '签名错误，请检查后再试');
    } else {
      try {
        body = raw ? JSON.parse(raw) : null;
        reply = this.forced.shift() ?? this.route(method, url, body);
      } catch {
        reply = fail(400, 'PARAM_ERROR', '请求体不是合法的 JSON');
      }
    }
    this.calls.push({ method, path: url.pathname, body, status: reply.status });
    this.send(res, reply);
  }

  private route(method: string, url: URL, body: any): Reply {
    const p = url.pathname;
    if (method === 'POST' && p === '/v3/pay/transactions/jsapi') return this.prepay(body);
    let m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(p);
    if (method === 'GET' && m) {
      if (url.searchParams.get('mchid') !== this.merchant.mchid) return fail(400, 'PARAM_ERROR', 'mchid 与请求商户号不一致');
      const o = this.orders.get(decodeURIComponent(m[1]));
      return o ? { status: 200, body: o.tx } : fail(404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(p);
    if (method === 'POST' && m) {
      if (body?.mchid !== this.merchant.mchid) return fail(400, 'PARAM_ERROR', 'mchid 与请求商户号不一致');
      const o = this.orders.get(decodeURIComponent(m[1]));
      if (!o) return fail(404, 'ORDER_NOT_EXIST', '订单不存在');
      if (o.tx.trade_state === 'SUCCESS' || o.tx.trade_state === 'REFUND') return fail(400, 'ORDERPAID', '订单已支付');
      o.tx.trade_state = 'CLOSED';
      o.tx.trade_state_desc = '订单已关闭';
      return { status: 204 };
    }
    if (method === 'POST' && p === '/v3/refund/domestic/refunds') return this.createRefund(body);
    m = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(p);
    if (method === 'GET' && m) {
      const r = this.refunds.get(decodeURIComponent(m[1]));
      return r ? { status: 200, body: r.refund } : fail(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    }
    return fail(404, 'NOT_FOUND', '请求的资源不存在');
  }

  private prepay(b: any): Reply {
    if (b?.appid !== this.opts.appid) return fail(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    if (b.mchid !== this.merchant.mchid) return fail(400, 'MCH_NOT_EXISTS', '商户号不存在');
    if (typeof b.out_trade_no !== 'string' || !/^[A-Za-z0-9_\-|*]{6,32}$/.test(b.out_trade_no)) return fail(400, 'PARAM_ERROR', '输入源“/body/out_trade_no”映射到字段“商户订单号”必填性规则校验失败');
    if (typeof b.description !== 'string' || !b.description) return fail(400, 'PARAM_ERROR', '输入源“/body/description”映射到字段“商品描述”必填性规则校验失败');
    if (typeof b.notify_url !== 'string' || !/^https?:\/\//.test(b.notify_url)) return fail(400, 'PARAM_ERROR', 'notify_url 格式不正确');
    if (!Number.isInteger(b.amount?.total) || b.amount.total <= 0 || b.amount.currency !== 'CNY') return fail(400, 'PARAM_ERROR', '输入源“/body/amount/total”映射到字段“总金额”校验失败');
    if (typeof b.payer?.openid !== 'string' || !b.payer.openid) return fail(400, 'PARAM_ERROR', '输入源“/body/payer/openid”映射到字段“用户标识”必填性规则校验失败');
    const existing = this.orders.get(b.out_trade_no);
    if (existing) {
      if (existing.tx.trade_state === 'SUCCESS' || existing.tx.trade_state === 'REFUND') return fail(400, 'ORDERPAID', '该订单已支付');
      if (existing.tx.trade_state === 'CLOSED') return fail(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.tx.amount!.total !== b.amount.total || existing.openid !== b.payer.openid) return fail(400, 'INVALID_REQUEST', '参数与首次请求时不一致');
    }
    const prepayId = `wx${Date.now()}${randomBytes(10).toString('hex')}`.slice(0, 36);
    this.orders.set(b.out_trade_no, {
      prepayId,
      notifyUrl: b.notify_url,
      openid: b.payer.openid,
      tx: existing?.tx ?? { appid: b.appid, mchid: b.mchid, out_trade_no: b.out_trade_no, trade_state: 'NOTPAY', trade_state_desc: '订单未支付', amount: { total: b.amount.total, currency: 'CNY' } },
    });
    return { status: 200, body: { prepay_id: prepayId } };
  }

  private createRefund(b: any): Reply {
    if (typeof b?.out_refund_no !== 'string' || !/^[A-Za-z0-9_\-|*@]{1,64}$/.test(b.out_refund_no)) return fail(400, 'PARAM_ERROR', '输入源“/body/out_refund_no”映射到字段“商户退款单号”校验失败');
    const refund = Number(b.amount?.refund);
    if (!Number.isInteger(refund) || refund <= 0 || b.amount?.currency !== 'CNY') return fail(400, 'PARAM_ERROR', '退款金额不正确');
    const existing = this.refunds.get(b.out_refund_no);
    // The same out_refund_no is the same refund: a retry gets the refund back, never a second one.
    if (existing) return existing.refund.amount.refund === refund ? { status: 200, body: existing.refund } : fail(400, 'INVALID_REQUEST', '退款单号已存在，参数与首次请求不一致');
    const o = this.orders.get(b.out_trade_no);
    if (!o || !o.tx.transaction_id) return fail(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (b.amount.total !== o.tx.amount!.total) return fail(400, 'PARAM_ERROR', '订单金额与实际金额不一致');
    const refunded = [...this.refunds.values()].filter((r) => r.refund.out_trade_no === o.tx.out_trade_no && r.refund.status !== 'CLOSED').reduce((s, r) => s + r.refund.amount.refund, 0);
    if (refunded + refund > o.tx.amount!.total) return fail(403, 'NOT_ENOUGH', '订单可退金额不足');
    const r: WxRefund = {
      refund_id: `5030${randomBytes(12).toString('hex')}`.slice(0, 29),
      out_refund_no: b.out_refund_no,
      transaction_id: o.tx.transaction_id,
      out_trade_no: o.tx.out_trade_no,
      status: 'PROCESSING',
      create_time: rfc3339(new Date()),
      amount: { total: o.tx.amount!.total, refund, payer_total: o.tx.amount!.total, payer_refund: refund, currency: 'CNY' },
    };
    this.refunds.set(b.out_refund_no, { refund: r, notifyUrl: typeof b.notify_url === 'string' ? b.notify_url : null });
    o.tx.trade_state = 'REFUND';
    return { status: 200, body: r };
  }

  /** Every answer is signed like WeChat's: Wechatpay-Signature over `timestamp\nnonce\nbody\n`. */
  private send(res: http.ServerResponse, reply: Reply): void {
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const ts = unixNow();
    const n = nonce(32);
    res.writeHead(reply.status, {
      ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'request-id': randomBytes(16).toString('hex'),
      'wechatpay-timestamp': String(ts),
      'wechatpay-nonce': n,
      'wechatpay-serial': this.platformSerial,
      'wechatpay-signature': sign(responseMessage(ts, n, text), this.platformKey),
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    });
    res.end(text);
  }
}

