import { generateKeyPairSync } from 'node:crypto';
import {
  authorizationHeader,
  decryptResource,
  encryptResource,
  generateMerchant,
  paySignMessage,
  parseAuthorization,
  privateKeyFrom,
  publicKeyFrom,
  requestMessage,
  sign,
  verify,
} from './crypto';

describe('WeChat Pay crypto', () => {
  const merchant = generateMerchant();
  const priv = privateKeyFrom(merchant.privateKeyPem);
  const pub = publicKeyFrom(merchant.publicKeyPem);

  it('signs with the merchant key and verifies with its public key only', () => {
    const msg = paySignMessage('wx123', '1700000000', 'abc', 'prepay_id=wx1');
    expect(msg).toBe('wx123\n1700000000\nabc\nprepay_id=wx1\n');
    const sig = sign(msg, priv);
    expect(verify(msg, sig, pub)).toBe(true);
    expect(verify(`${msg} `, sig, pub)).toBe(false);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(verify(msg, sig, other)).toBe(false);
    expect(verify(msg, 'not-base64!!', pub)).toBe(false);
  });

  it('reads PEM keys given with escaped newlines (as env files hold them)', () => {
    const escaped = merchant.privateKeyPem.replace(/\n/g, '\\n');
    const sig = sign('x', privateKeyFrom(escaped));
    expect(verify('x', sig, pub)).toBe(true);
  });

  it('builds an Authorization header that parses back and verifies', () => {
    const now = new Date();
    const header = authorizationHeader({ mchid: merchant.mchid, serial: merchant.serial, privateKey: priv }, 'POST', '/v3/pay/transactions/jsapi', '{"a":1}', now);
    const a = parseAuthorization(header)!;
    expect(a.mchid).toBe(merchant.mchid);
    expect(a.serial_no).toBe(merchant.serial);
    expect(verify(requestMessage('POST', '/v3/pay/transactions/jsapi', a.timestamp, a.nonce_str, '{"a":1}'), a.signature, pub)).toBe(true);
    expect(verify(requestMessage('POST', '/v3/pay/transactions/jsapi', a.timestamp, a.nonce_str, '{"a":2}'), a.signature, pub)).toBe(false);
    expect(parseAuthorization('Bearer x')).toBeNull();
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1"')).toBeNull();
  });

  it('round-trips AEAD_AES_256_GCM and detects tampering of ciphertext, AAD, nonce and key', () => {
    const plain = JSON.stringify({ out_trade_no: 'LM1', amount: { total: 100 }, note: '中文' });
    const r = encryptResource(plain, merchant.apiV3Key, 'transaction', 'transaction');
    expect(r.algorithm).toBe('AEAD_AES_256_GCM');
    expect(r.nonce).toHaveLength(12);
    expect(decryptResource(r, merchant.apiV3Key)).toBe(plain);

    const bytes = Buffer.from(r.ciphertext, 'base64');
    bytes[3] ^= 1;
    expect(() => decryptResource({ ...r, ciphertext: bytes.toString('base64') }, merchant.apiV3Key)).toThrow();
    expect(() => decryptResource({ ...r, associated_data: 'refund' }, merchant.apiV3Key)).toThrow();
    expect(() => decryptResource({ ...r, nonce: 'AAAAAAAAAAAA' }, merchant.apiV3Key)).toThrow();
    expect(() => decryptResource(r, generateMerchant().apiV3Key)).toThrow();
  });

  it('makes development merchants with the shapes the config expects', () => {
    expect(merchant.mchid).toMatch(/^\d{10}$/);
    expect(merchant.serial).toMatch(/^[0-9A-F]{40}$/);
    expect(merchant.apiV3Key).toHaveLength(32);
  });
});
