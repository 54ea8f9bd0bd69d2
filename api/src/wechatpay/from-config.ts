/** Builds the WeChat Pay client from the configuration, or from the loopback fake's identity. */
import type { Config } from '../config';
import { WeChatPayClient } from './client';
import type { FakeWeChatPay } from './fake-wechatpay';

export function wechatPayClientFrom(config: Config, fake: FakeWeChatPay | null): WeChatPayClient {
  const common = { appid: config.WECHAT_APPID, timeoutMs: config.WECHATPAY_TIMEOUT_MS, notifyUrl: config.WECHATPAY_NOTIFY_URL };
  if (config.WECHATPAY_FAKE) {
    if (!fake?.baseUrl) throw new Error('WECHATPAY_FAKE is on but the fake WeChat Pay server was not started');
    const p = fake.platform;
    return new WeChatPayClient({
      ...common,
      baseUrl: fake.baseUrl,
      mchid: fake.merchant.mchid,
      serial: fake.merchant.serial,
      privateKey: fake.merchant.privateKeyPem,
      apiV3Key: fake.merchant.apiV3Key,
      ...(p.mode === 'public_key' ? { publicKey: { id: p.id, key: p.publicKeyPem } } : { platformCerts: [p.certPem] }),
    });
  }
  // The config's superRefine guarantees these when PAYMENT_MODE=wechat without the fake.
  return new WeChatPayClient({
    ...common,
    baseUrl: config.WECHATPAY_API_BASE,
    mchid: config.WECHATPAY_MCHID!,
    serial: config.WECHATPAY_MCH_SERIAL!,
    privateKey: config.WECHATPAY_MCH_PRIVATE_KEY!,
    apiV3Key: config.WECHATPAY_APIV3_KEY!,
    platformCerts: config.WECHATPAY_PLATFORM_CERT ? [config.WECHATPAY_PLATFORM_CERT] : [],
    publicKey: config.WECHATPAY_PUBLIC_KEY && config.WECHATPAY_PUBLIC_KEY_ID ? { id: config.WECHATPAY_PUBLIC_KEY_ID, key: config.WECHATPAY_PUBLIC_KEY } : undefined,
  });
}
