/**
 * The cryptography of WeChat Pay APIv3, on top of wechatpay-axios-plugin's Rsa / AesGcm /
 * Formatter so the client, the notify route and the loopback fake all sign and check the same
 * bytes the same way:
 * - requests: Authorization `WECHATPAY2-SHA256-RSA2048` over `METHOD\nURL\ntimestamp\nnonce\nbody\n`
 *   signed by the merchant key;
 * - responses and notifications: `Wechatpay-Signature` over `timestamp\nnonce\nbody\n` signed by
 *   the platform key (certificate mode: serial = the certificate's serial; public-key mode:
 *   serial = `PUB_KEY_ID_…`);
 * - notification resources: AEAD_AES_256_GCM with the APIv3 key, nonce as IV, 16-byte tag last.
 */
import { generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';

/** A config value is either PEM text (newlines possibly escaped as `\n`) or a path to a PEM file. */
function pemText(value: string): string {
  const text = value.includes('-----BEGIN') ? value : fs.readFileSync(value, 'utf8');
  return text.replace(/\\n/g, '\n');
}

export function privateKeyFrom(value: string | KeyObject): KeyObject {
  return typeof value === 'string' ? Rsa.from(pemText(value), Rsa.KEY_TYPE_PRIVATE) : value;
}

/** A PEM public key, or a PEM X.509 certificate (its public key). */
export function publicKeyFrom(value: string | KeyObject): KeyObject {
  return typeof value === 'string' ? Rsa.from(pemText(value), Rsa.KEY_TYPE_PUBLIC) : value;
}

/** The serial WeChat puts in Wechatpay-Serial for a platform certificate: its serial number, hex. */
export function certificateSerial(pem: string): string {
  return new X509Certificate(pemText(pem)).serialNumber.toUpperCase();
}

export const sign = (message: string, key: KeyObject): string => Rsa.sign(message, key);

/** Never throws: a malformed signature is simply not valid. */
export function verify(message: string, signature: string, key: KeyObject): boolean {
  try {
    return Rsa.verify(message, signature, key);
  } catch {
    return false;
  }
}

export const nonce = (size = 32): string => Formatter.nonce(size);
export const unixNow = (now: Date = new Date()): number => Math.floor(now.getTime() / 1000);

/** The message a request's Authorization signs. `url` is path + query. */
export const requestMessage = (method: string, url: string, timestamp: number | string, nonceStr: string, body = ''): string =>
  Formatter.request(method.toUpperCase(), url, timestamp, nonceStr, body);

/** The message Wechatpay-Signature signs on responses and notifications. */
export const responseMessage = (timestamp: number | string, nonceStr: string, body = ''): string => Formatter.response(timestamp, nonceStr, body);

/** What wx.requestPayment's paySign signs. */
export const paySignMessage = (appId: string, timeStamp: string, nonceStr: string, pkg: string): string =>
  Formatter.joinedByLineFeed(appId, timeStamp, nonceStr, pkg);

export interface MerchantCredentials {
  mchid: string;
  serial: string;
  privateKey: KeyObject;
}

export function authorizationHeader(merchant: MerchantCredentials, method: string, url: string, body = '', now: Date = new Date()): string {
  const ts = unixNow(now);
  const n = nonce();
  const signature = sign(requestMessage(method, url, ts, n, body), merchant.privateKey);
  return Formatter.authorization(merchant.mchid, n, signature, ts, merchant.serial);
}

export interface ParsedAuthorization {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

/** Parses `WECHATPAY2-SHA256-RSA2048 k="v",…`; null when the scheme or a field is missing. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  const m = /^WECHATPAY2-SHA256-RSA2048\s+(.*)$/.exec(header ?? '');
  if (!m) return null;
  const fields: Record<string, string> = {};
  for (const part of m[1].matchAll(/(\w+)="([^"]*)"/g)) fields[part[1]] = part[2];
  const keys = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'] as const;
  if (!keys.every((k) => typeof fields[k] === 'string' && fields[k].length > 0)) return null;
  return fields as unknown as ParsedAuthorization;
}

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
  original_type: string;
}

export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string, originalType: string, iv = nonce(12)): EncryptedResource {
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: Aes.AesGcm.encrypt(plaintext, apiV3Key, iv, associatedData),
    associated_data: associatedData,
    nonce: iv,
    original_type: originalType,
  };
}

/** Throws when the key, nonce, AAD or ciphertext do not match (the GCM tag check). */
export function decryptResource(resource: { ciphertext: string; nonce: string; associated_data?: string }, apiV3Key: string): string {
  return Aes.AesGcm.decrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data ?? '');
}

/** A merchant identity made up on the spot, for development and tests (never production). */
export function generateMerchant(): { mchid: string; serial: string; privateKeyPem: string; publicKeyPem: string; apiV3Key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    mchid: `19${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    serial: randomBytes(20).toString('hex').toUpperCase(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    apiV3Key: nonce(32),
  };
}
