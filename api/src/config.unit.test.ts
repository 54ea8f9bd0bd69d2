import os from 'node:os';
import { ConfigError, DEV_HQ_PASSWORD, DEV_SESSION_SECRET, loadConfig } from './config';

/** What a real merchant's configuration looks like (public-key mode; keys as file paths). */
const REAL_WECHATPAY = {
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_MCH_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WECHATPAY_MCH_PRIVATE_KEY: '/etc/loopmall/apiclient_key.pem',
  WECHATPAY_APIV3_KEY: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
  WECHATPAY_PUBLIC_KEY: '/etc/loopmall/pub_key.pem',
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000001092025010100000000',
  WECHATPAY_NOTIFY_URL: 'https://shop.example.com/api/payments/wechat/notify',
};

const PROD = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(40),
  HQ_ADMIN_PASSWORD: 'a-real-password',
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'real-secret',
  DATABASE_URL: 'mysql://loopmall:pw@db:3306/loopmall',
  WECOM_CALLBACK_AES_KEY: 'R'.repeat(43),
  PHONE_KEYS: `p1:${Buffer.alloc(32, 7).toString('base64')}`,
  PHONE_INDEX_KEY: 'i'.repeat(40),
  POS_KEY_SECRET: 'k'.repeat(40),
};

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('config', () => {
  it('starts in development with the embedded database and the fake WeChat', () => {
    const c = loadConfig({}, '/srv/loopmall');
    expect(c.NODE_ENV).toBe('development');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.WECHAT_FAKE).toBe(true);
    expect(c.dataDir).toBe('/srv/loopmall/.data');
    expect(c.PORT).toBe(3000);
  });

  it('lists every bad key at once', () => {
    const found = problems({ PORT: 'eighty', SESSION_SECRET: 'short', DATABASE_URL: 'postgres://x', LOG_LEVEL: 'loud' });
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SESSION_SECRET']);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('refuses development defaults in production, naming each', () => {
    const found = problems({ NODE_ENV: 'production' });
    for (const key of ['SESSION_SECRET', 'HQ_ADMIN_PASSWORD', 'WECHAT_APPID', 'WECHAT_SECRET', 'DATABASE_URL', 'WECOM_CALLBACK_AES_KEY', 'PHONE_KEYS', 'PHONE_INDEX_KEY', 'POS_KEY_SECRET']) {
      expect(found.some((p) => p.startsWith(`${key}:`))).toBe(true);
    }
  });

  it('starts in production when every secret is real', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      HQ_ADMIN_PASSWORD: 'a-real-password',
      WECHAT_APPID: 'wx1234567890abcdef',
      WECHAT_SECRET: 'real-secret',
      DATABASE_URL: 'mysql://loopmall:pw@db:3306/loopmall',
      WECOM_CALLBACK_AES_KEY: 'R'.repeat(43),
      PHONE_KEYS: PROD.PHONE_KEYS,
      PHONE_INDEX_KEY: PROD.PHONE_INDEX_KEY,
      POS_KEY_SECRET: PROD.POS_KEY_SECRET,
      ...REAL_WECHATPAY,
    });
    expect(c.WECHAT_FAKE).toBe(false);
    expect(c.PAYMENT_MODE).toBe('wechat');
    expect(c.WECHATPAY_FAKE).toBe(false);
    expect(c.SESSION_SECRET).not.toBe(DEV_SESSION_SECRET);
    expect(c.HQ_ADMIN_PASSWORD).not.toBe(DEV_HQ_PASSWORD);
  });

  it('refuses the fake WeChat in production even when asked for', () => {
    expect(problems({ NODE_ENV: 'production', WECHAT_FAKE: 'true' }).some((p) => p.startsWith('WECHAT_FAKE:'))).toBe(true);
  });

  describe('payments', () => {
    it('defaults to development payments outside production, WeChat Pay (real) in production', () => {
      expect(loadConfig({}).PAYMENT_MODE).toBe('dev');
      expect(loadConfig({ PAYMENT_MODE: 'wechat' }).WECHATPAY_FAKE).toBe(true);
      expect(loadConfig({ ...PROD, ...REAL_WECHATPAY }).PAYMENT_MODE).toBe('wechat');
    });

    it('refuses development payments and the fake WeChat Pay in production', () => {
      const found = problems({ ...PROD, ...REAL_WECHATPAY, PAYMENT_MODE: 'dev', WECHATPAY_FAKE: 'true' });
      expect(found.some((p) => p.startsWith('PAYMENT_MODE:'))).toBe(true);
      expect(found.some((p) => p.startsWith('WECHATPAY_FAKE:'))).toBe(true);
    });

    it('real WeChat Pay names every missing merchant key', () => {
      const found = problems({ PAYMENT_MODE: 'wechat', WECHATPAY_FAKE: 'false' });
      for (const key of ['WECHATPAY_MCHID', 'WECHATPAY_MCH_SERIAL', 'WECHATPAY_MCH_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_NOTIFY_URL', 'WECHATPAY_PUBLIC_KEY']) {
        expect(found.some((p) => p.startsWith(`${key}:`))).toBe(true);
      }
    });

    it('accepts the platform certificate instead of the public key, and checks the shapes', () => {
      const { WECHATPAY_PUBLIC_KEY: _k, WECHATPAY_PUBLIC_KEY_ID: _id, ...certMode } = REAL_WECHATPAY;
      expect(loadConfig({ ...PROD, ...certMode, WECHATPAY_PLATFORM_CERT: '/etc/loopmall/wechatpay_cert.pem' }).WECHATPAY_PLATFORM_CERT).toBe('/etc/loopmall/wechatpay_cert.pem');
      expect(problems({ ...PROD, ...certMode }).some((p) => p.startsWith('WECHATPAY_PUBLIC_KEY:'))).toBe(true);
      const bad = problems({ ...PROD, ...REAL_WECHATPAY, WECHATPAY_MCHID: 'abc', WECHATPAY_APIV3_KEY: 'short', WECHATPAY_PUBLIC_KEY_ID: 'KEY1', WECHATPAY_NOTIFY_URL: 'not a url' });
      expect(bad.map((p) => p.split(':')[0]).sort()).toEqual(['WECHATPAY_APIV3_KEY', 'WECHATPAY_MCHID', 'WECHATPAY_NOTIFY_URL', 'WECHATPAY_PUBLIC_KEY_ID']);
    });
  });

  describe('API_WORKERS', () => {
    const MYSQL = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/loopmall' };
    const cores = os.availableParallelism();
    it('is one process per core on a database server elsewhere, one core less beside a local one, and one on the embedded database', () => {
      expect(loadConfig({ DATABASE_URL: 'mysql://loopmall:pw@db.internal:3306/loopmall' }).apiWorkers).toBe(cores);
      expect(loadConfig({ DATABASE_URL: 'mysql://loopmall:pw@10.0.0.12/loopmall' }).apiWorkers).toBe(cores);
      for (const local of ['mysql://root@127.0.0.1:3306/loopmall', 'mysql://root@localhost/loopmall', 'mysql://root@[::1]:3306/loopmall', 'mysql://root@x/loopmall?socketPath=/run/mysqld/mysqld.sock']) {
        expect(loadConfig({ DATABASE_URL: local }).apiWorkers).toBe(Math.max(1, cores - 1));
      }
      expect(loadConfig({}).apiWorkers).toBe(1);
      expect(loadConfig({ API_WORKERS: 'auto' }).apiWorkers).toBe(1);
    });
    it('takes an explicit count on MySQL', () => {
      expect(loadConfig({ ...MYSQL, API_WORKERS: '3' }).apiWorkers).toBe(3);
      expect(loadConfig({ API_WORKERS: '1' }).apiWorkers).toBe(1);
    });
    it('refuses several workers on the embedded database or with the per-process fake WeChat Pay', () => {
      expect(problems({ API_WORKERS: '2' })).toEqual([expect.stringMatching(/^API_WORKERS: the embedded database is single-process/)]);
      expect(problems({ ...MYSQL, API_WORKERS: '2', PAYMENT_MODE: 'wechat' })).toEqual([expect.stringMatching(/^API_WORKERS: the fake WeChat Pay/)]);
      expect(loadConfig({ ...MYSQL, PAYMENT_MODE: 'wechat' }).apiWorkers).toBe(1);
    });
    it('refuses what is not a count', () => {
      for (const bad of ['0', '-1', '65', '1.5', 'all', 'true']) expect(problems({ ...MYSQL, API_WORKERS: bad })).toEqual([expect.stringMatching(/^API_WORKERS:/)]);
    });
  });
});
