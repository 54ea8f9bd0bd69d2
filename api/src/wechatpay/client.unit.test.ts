/**
 * The client against the loopback fake: both speak the real protocol, so a mismatch in either
 * (signing, URLs, field names, response signatures) fails here. Certificate mode uses a real
 * X.509 certificate made with the openssl command line when it is on the machine.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WeChatPayApiError, WeChatPayClient, WeChatPayVerificationError } from './client';
import { generateMerchant, paySignMessage, publicKeyFrom, verify } from './crypto';
import { FakeWeChatPay } from './fake-wechatpay';

const APPID = 'wx0000000000000000';

function clientFor(fake: FakeWeChatPay, over: Partial<ConstructorParameters<typeof WeChatPayClient>[0]> = {}) {
  const p = fake.platform;
  return new WeChatPayClient({
    baseUrl: fake.baseUrl,
    appid: APPID,
    mchid: fake.merchant.mchid,
    serial: fake.merchant.serial,
    privateKey: fake.merchant.privateKeyPem,
    apiV3Key: fake.merchant.apiV3Key,
    ...(p.mode === 'public_key' ? { publicKey: { id: p.id, key: p.publicKeyPem } } : { platformCerts: [p.certPem] }),
    timeoutMs: 3000,
    notifyUrl: 'https://shop.example.com/api/payments/wechat/notify',
    ...over,
  });
}

describe('WeChatPayClient against the fake (public-key mode)', () => {
  const fake = new FakeWeChatPay({ appid: APPID, merchant: generateMerchant() });
  let client: WeChatPayClient;
  beforeAll(async () => {
    await fake.start();
    client = clientFor(fake);
  });
  afterAll(() => fake.stop());

  it('prepays, signs requestPayment params with the merchant key, queries and closes', async () => {
    const prepayId = await client.jsapiPrepay({ description: '测试', outTradeNo: 'LMTEST000001', totalFen: 1234, openid: 'o_1', timeExpire: new Date(Date.now() + 60_000) });
    expect(prepayId).toMatch(/^wx/);
    const params = client.requestPaymentParams(prepayId);
    expect(params.package).toBe(`prepay_id=${prepayId}`);
    expect(params.signType).toBe('RSA');
    expect(verify(paySignMessage(APPID, params.timeStamp, params.nonceStr, params.package), params.paySign, publicKeyFrom(fake.merchant.publicKeyPem))).toBe(true);
    const tx = await client.queryByOutTradeNo('LMTEST000001');
    expect(tx).toMatchObject({ trade_state: 'NOTPAY', amount: { total: 1234 } });
    expect(await client.queryByOutTradeNo('LMNOSUCH0001')).toBeNull();
    expect(await client.close('LMTEST000001')).toBe('closed');
    expect((await client.queryByOutTradeNo('LMTEST000001'))!.trade_state).toBe('CLOSED');
  });

  it('learns ORDERPAID on close, refunds with a reusable out_refund_no, refuses over-refunds', async () => {
    await client.jsapiPrepay({ description: '测试', outTradeNo: 'LMTEST000002', totalFen: 1000, openid: 'o_1' });
    fake.payWithoutNotify('LMTEST000002');
    expect(await client.close('LMTEST000002')).toBe('paid');
    const r1 = await client.refund({ outTradeNo: 'LMTEST000002', outRefundNo: 'RF1', refundFen: 600, totalFen: 1000 });
    expect(r1.status).toBe('PROCESSING');
    const again = await client.refund({ outTradeNo: 'LMTEST000002', outRefundNo: 'RF1', refundFen: 600, totalFen: 1000 });
    expect(again.refund_id).toBe(r1.refund_id);
    await expect(client.refund({ outTradeNo: 'LMTEST000002', outRefundNo: 'RF2', refundFen: 500, totalFen: 1000 })).rejects.toMatchObject({ wxCode: 'NOT_ENOUGH' });
    await fake.settleRefund('RF1', 'SUCCESS', false);
    expect((await client.queryRefund('RF1'))!.status).toBe('SUCCESS');
    expect(await client.queryRefund('RF404')).toBeNull();
  });

  it('maps WeChat errors: 4xx business codes, 5xx and network as unavailable', async () => {
    fake.failNext(500);
    await expect(client.queryByOutTradeNo('LMTEST000002')).rejects.toMatchObject({ code: 'PAYMENT_UNAVAILABLE' });
    await expect(client.jsapiPrepay({ description: '', outTradeNo: 'LMTEST000003', totalFen: 1, openid: 'o' })).rejects.toBeInstanceOf(WeChatPayApiError);
    const down = clientFor(fake, { baseUrl: 'http://127.0.0.1:1' });
    await expect(down.queryByOutTradeNo('x')).rejects.toMatchObject({ code: 'PAYMENT_UNAVAILABLE' });
  });

  it('is refused with SIGN_ERROR when its key is not the merchant key', async () => {
    const wrongKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forger = clientFor(fake, { privateKey: wrongKey });
    await expect(forger.queryByOutTradeNo('LMTEST000002')).rejects.toMatchObject({ httpStatus: 401, wxCode: 'SIGN_ERROR' });
  });

  it('refuses answers not signed by the platform key it knows', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const p = fake.platform as { id: string };
    const fooled = clientFor(fake, { publicKey: { id: p.id, key: other } });
    await expect(fooled.queryByOutTradeNo('LMTEST000002')).rejects.toBeInstanceOf(WeChatPayVerificationError);
  });

  it('verifies notifications: signature over the raw bytes, time window, serial, decryption', () => {
    const n = fake.notification('LMTEST000002', { pretty: true });
    const { resource } = client.verifyNotification<{ out_trade_no: string; trade_state: string }>(n.headers, Buffer.from(n.body));
    expect(resource).toMatchObject({ out_trade_no: 'LMTEST000002', trade_state: 'SUCCESS' });
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as WeChatPayVerificationError).reason;
      }
      return 'accepted';
    };
    expect(reason(() => client.verifyNotification(n.headers, JSON.stringify(JSON.parse(n.body))))).toBe('signature');
    const t = fake.notification('LMTEST000002', { tamperBody: true });
    expect(reason(() => client.verifyNotification(t.headers, t.body))).toBe('signature');
    const old = fake.notification('LMTEST000002', { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(reason(() => client.verifyNotification(old.headers, old.body))).toBe('timestamp');
    const s = fake.notification('LMTEST000002', { serial: 'PUB_KEY_ID_0OTHER' });
    expect(reason(() => client.verifyNotification(s.headers, s.body))).toBe('serial');
    const k = fake.notification('LMTEST000002', { apiV3Key: generateMerchant().apiV3Key });
    expect(reason(() => client.verifyNotification(k.headers, k.body))).toBe('decrypt');
    const { 'wechatpay-nonce': _n, ...noNonce } = n.headers;
    expect(reason(() => client.verifyNotification(noNonce, n.body))).toBe('headers');
  });
});

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

(hasOpenssl ? describe : describe.skip)('WeChatPayClient against the fake (platform certificate mode)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxpay-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-subj', '/CN=Tenpay.com Root CA', '-days', '2'], { stdio: 'ignore' });
  const fake = new FakeWeChatPay({
    appid: APPID,
    merchant: generateMerchant(),
    platformCert: { certPem: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'), privateKeyPem: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8') },
  });
  beforeAll(() => fake.start());
  afterAll(async () => {
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks answers and notifications with the certificate named by its serial (cert given as a file path)', async () => {
    const client = clientFor(fake, { platformCerts: [path.join(dir, 'cert.pem')] });
    await client.jsapiPrepay({ description: '测试', outTradeNo: 'LMCERT000001', totalFen: 50, openid: 'o_2' });
    const n = fake.notification('LMCERT000001');
    expect(n.headers['wechatpay-serial']).toMatch(/^[0-9A-F]+$/);
    expect(client.verifyNotification(n.headers, n.body).resource).toMatchObject({ out_trade_no: 'LMCERT000001', amount: { total: 50 } });
  });
});
