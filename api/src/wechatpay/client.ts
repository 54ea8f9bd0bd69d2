/**
 * WeChat Pay APIv3 client (JSAPI / mini-program) through wechatpay-axios-plugin: every request
 * is signed with the merchant key, every 2xx answer's Wechatpay-Signature is checked against the
 * platform keys we hold (certificate serials and/or a PUB_KEY_ID_ public key). The base URL is
 * configurable so development and tests talk to the loopback fake.
 */
import type { KeyObject } from 'node:crypto';
import { Wechatpay } from 'wechatpay-axios-plugin';
import { AppError } from '../http/app-error';
import {
  certificateSerial,
  decryptResource,
  nonce,
  paySignMessage,
  privateKeyFrom,
  publicKeyFrom,
  responseMessage,
  sign,
  unixNow,
  verify,
} from './crypto';
import type { Notification, WxRefund, WxTransaction } from './types';

export type { Notification, RefundState, TradeState, WxRefund, WxRefundNotice, WxTransaction } from './types';

/** WeChat Pay answered 4xx with a business error `{code, message}` (ORDERPAID, PARAM_ERROR …). */
export class WeChatPayApiError extends AppError {
  constructor(
    readonly httpStatus: number,
    readonly wxCode: string,
    readonly wxMessage: string,
  ) {
    super('PAYMENT_UNAVAILABLE', `WeChat Pay ${httpStatus} ${wxCode}: ${wxMessage}`);
    this.name = 'WeChatPayApiError';
  }
}

export type VerificationFailure = 'headers' | 'timestamp' | 'serial' | 'signature' | 'decrypt' | 'body';

/** A response or notification whose signature, time or encryption does not check out. */
export class WeChatPayVerificationError extends AppError {
  constructor(
    readonly reason: VerificationFailure,
    detail: string,
  ) {
    super('PAYMENT_UNAVAILABLE', `WeChat Pay verification failed (${reason}): ${detail}`);
    this.name = 'WeChatPayVerificationError';
  }
}

export interface WeChatPayClientOptions {
  baseUrl: string;
  appid: string;
  mchid: string;
  /** The merchant API certificate's serial number. */
  serial: string;
  /** PEM text, a path to a PEM file, or a key. */
  privateKey: string | KeyObject;
  apiV3Key: string;
  /** Platform certificates (PEM text or paths): certificate mode. */
  platformCerts?: string[];
  /** The WeChat Pay public key and its PUB_KEY_ID_…: public-key mode. */
  publicKey?: { id: string; key: string | KeyObject };
  timeoutMs: number;
  notifyUrl?: string;
}

export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

/** WeChat refuses notifications / answers further than this from our clock. */
const MAX_SKEW_SECONDS = 300;

export class WeChatPayClient {
  private readonly wx: Wechatpay;
  private readonly privateKey: KeyObject;
  /** serial -> platform public key, for both modes. */
  private readonly platformKeys: Record<string, KeyObject> = {};
  private notifyUrl: string | null;

  constructor(private readonly opts: WeChatPayClientOptions) {
    this.privateKey = privateKeyFrom(opts.privateKey);
    for (const pem of opts.platformCerts ?? []) this.platformKeys[certificateSerial(pem)] = publicKeyFrom(pem);
    if (opts.publicKey) this.platformKeys[opts.publicKey.id] = publicKeyFrom(opts.publicKey.key);
    if (!Object.keys(this.platformKeys).length) throw new Error('WeChat Pay needs a platform certificate or the WeChat Pay public key');
    this.notifyUrl = opts.notifyUrl ?? null;
    this.wx = new Wechatpay({
      mchid: opts.mchid,
      serial: opts.serial,
      privateKey: this.privateKey as unknown as string,
      certs: { ...this.platformKeys },
      baseURL: opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`,
      timeout: opts.timeoutMs,
    } as ConstructorParameters<typeof Wechatpay>[0]);
  }

  get appid(): string {
    return this.opts.appid;
  }
  get mchid(): string {
    return this.opts.mchid;
  }

  /** Where WeChat posts payment results; the server may learn its own URL only after listen. */
  setNotifyUrl(url: string): void {
    this.notifyUrl = url;
  }
  get paymentNotifyUrl(): string {
    if (!this.notifyUrl) throw new AppError('PAYMENT_UNAVAILABLE', 'no WeChat Pay notify_url configured');
    return this.notifyUrl;
  }
  /** The refund notify route sits beside the payment one: …/notify -> …/refund-notify. */
  get refundNotifyUrl(): string {
    return new URL('refund-notify', this.paymentNotifyUrl).toString();
  }

  /** POST /v3/pay/transactions/jsapi → prepay_id (valid 2 hours). */
  async jsapiPrepay(req: { description: string; outTradeNo: string; totalFen: number; openid: string; timeExpire?: Date }): Promise<string> {
    const data = await this.call<{ prepay_id: string }>(() =>
      this.wx.v3.pay.transactions.jsapi.post({
        appid: this.opts.appid,
        mchid: this.opts.mchid,
        description: req.description.slice(0, 127),
        out_trade_no: req.outTradeNo,
        ...(req.timeExpire ? { time_expire: rfc3339(req.timeExpire) } : {}),
        notify_url: this.paymentNotifyUrl,
        amount: { total: req.totalFen, currency: 'CNY' },
        payer: { openid: req.openid },
      }),
    );
    if (typeof data?.prepay_id !== 'string') throw new AppError('PAYMENT_UNAVAILABLE', 'prepay answered without prepay_id');
    return data.prepay_id;
  }

  /** GET /v3/pay/transactions/out-trade-no/{no}?mchid= ; null when WeChat never saw the order. */
  async queryByOutTradeNo(outTradeNo: string): Promise<WxTransaction | null> {
    try {
      return await this.call<WxTransaction>(() =>
        this.wx.v3.pay.transactions.outTradeNo._out_trade_no_.get({ params: { mchid: this.opts.mchid }, out_trade_no: outTradeNo } as never),
      );
    } catch (err) {
      if (err instanceof WeChatPayApiError && err.wxCode === 'ORDER_NOT_EXIST') return null;
      throw err;
    }
  }

  /** POST …/out-trade-no/{no}/close → 'closed' (204), or 'paid' when WeChat says ORDERPAID. */
  async close(outTradeNo: string): Promise<'closed' | 'paid'> {
    try {
      await this.call(() =>
        this.wx.v3.pay.transactions.outTradeNo._out_trade_no_.close.post({ mchid: this.opts.mchid }, { out_trade_no: outTradeNo } as never),
      );
      return 'closed';
    } catch (err) {
      if (err instanceof WeChatPayApiError && err.wxCode === 'ORDERPAID') return 'paid';
      throw err;
    }
  }

  /** POST /v3/refund/domestic/refunds. Acceptance, not success: the outcome comes later. */
  async refund(req: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason?: string }): Promise<WxRefund> {
    return this.call<WxRefund>(() =>
      this.wx.v3.refund.domestic.refunds.post({
        out_trade_no: req.outTradeNo,
        out_refund_no: req.outRefundNo,
        ...(req.reason ? { reason: req.reason.slice(0, 80) } : {}),
        notify_url: this.refundNotifyUrl,
        amount: { refund: req.refundFen, total: req.totalFen, currency: 'CNY' },
      }),
    );
  }

  /** GET /v3/refund/domestic/refunds/{out_refund_no}; null when WeChat has no such refund. */
  async queryRefund(outRefundNo: string): Promise<WxRefund | null> {
    try {
      return await this.call<WxRefund>(() => this.wx.v3.refund.domestic.refunds._out_refund_no_.get({ out_refund_no: outRefundNo } as never));
    } catch (err) {
      if (err instanceof WeChatPayApiError && err.wxCode === 'RESOURCE_NOT_EXISTS') return null;
      throw err;
    }
  }

  /** The arguments of wx.requestPayment, paySign by the merchant key. */
  requestPaymentParams(prepayId: string, now: Date = new Date()): RequestPaymentParams {
    const timeStamp = String(unixNow(now));
    const nonceStr = nonce(32);
    const pkg = `prepay_id=${prepayId}`;
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: sign(paySignMessage(this.opts.appid, timeStamp, nonceStr, pkg), this.privateKey) };
  }

  /**
   * Checks a notification as WeChat sent it and returns its decrypted resource. `rawBody` must be
   * the exact bytes received: the signature covers them, not a re-serialisation.
   */
  verifyNotification<T = unknown>(headers: Record<string, string | string[] | undefined>, rawBody: Buffer | string, now: Date = new Date()): { notification: Notification; resource: T } {
    const h = (name: string) => {
      const v = headers[name] ?? headers[name.toLowerCase()];
      return Array.isArray(v) ? v[0] : v;
    };
    const [timestamp, nonceStr, signature, serial] = ['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature', 'Wechatpay-Serial'].map(h);
    if (!timestamp || !nonceStr || !signature || !serial) throw new WeChatPayVerificationError('headers', 'missing Wechatpay-* headers');
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(unixNow(now) - Number(timestamp)) > MAX_SKEW_SECONDS) {
      throw new WeChatPayVerificationError('timestamp', `timestamp ${timestamp} is too far from now`);
    }
    const key = Object.prototype.hasOwnProperty.call(this.platformKeys, serial) ? this.platformKeys[serial] : undefined;
    if (!key) throw new WeChatPayVerificationError('serial', `unknown Wechatpay-Serial ${serial}`);
    const body = Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : rawBody;
    if (!verify(responseMessage(timestamp, nonceStr, body), signature, key)) throw new WeChatPayVerificationError('signature', 'signature does not verify');
    let notification: Notification<{ ciphertext: string; nonce: string; associated_data?: string; algorithm?: string }>;
    try {
      notification = JSON.parse(body);
    } catch {
      throw new WeChatPayVerificationError('body', 'body is not JSON');
    }
    const r = notification?.resource;
    if (!r || r.algorithm !== 'AEAD_AES_256_GCM' || typeof r.ciphertext !== 'string' || typeof r.nonce !== 'string') {
      throw new WeChatPayVerificationError('body', 'resource is not AEAD_AES_256_GCM');
    }
    let plain: string;
    try {
      plain = decryptResource(r, this.opts.apiV3Key);
      return { notification, resource: JSON.parse(plain) as T };
    } catch {
      throw new WeChatPayVerificationError('decrypt', 'resource does not decrypt with the APIv3 key');
    }
  }

  /** Runs one signed call; maps transport and WeChat failures to our error types. */
  private async call<T>(fn: () => PromiseLike<{ data: unknown }>): Promise<T> {
    try {
      const res = await fn();
      return res.data as T;
    } catch (raw) {
      const err = raw as { code?: string; message?: string; response?: { status?: number; data?: any } };
      if (typeof err.code === 'string' && err.code.startsWith('EV3_RES_')) {
        // The answer's signature, serial or time did not check out: never trust its content.
        throw new WeChatPayVerificationError(err.code === 'EV3_RES_HEADER_TIMESTAMP_OFFSET' ? 'timestamp' : 'signature', err.message ?? err.code);
      }
      const status = err.response?.status;
      if (status && status >= 400 && status < 500) {
        let data = err.response?.data;
        if (typeof data === 'string') data = safeJson(data);
        throw new WeChatPayApiError(status, String(data?.code ?? 'UNKNOWN'), String(data?.message ?? ''));
      }
      // Network, timeout, 5xx: nothing the caller did wrong; retry later.
      throw new AppError('PAYMENT_UNAVAILABLE', `WeChat Pay request failed: ${status ?? err.code ?? ''} ${err.message ?? ''}`.trim());
    }
  }
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** `2018-06-08T10:34:56+08:00`: WeChat's time format (we send China time). */
export function rfc3339(d: Date): string {
  const cst = new Date(d.getTime() + 8 * 3600_000);
  return `${cst.toISOString().slice(0, 19)}+08:00`;
}
