import { ConfigError, DEV_HQ_PASSWORD, DEV_SESSION_SECRET, loadConfig } from './config';

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
    for (const key of ['SESSION_SECRET', 'HQ_ADMIN_PASSWORD', 'WECHAT_APPID', 'WECHAT_SECRET', 'DATABASE_URL']) {
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
    });
    expect(c.WECHAT_FAKE).toBe(false);
    expect(c.SESSION_SECRET).not.toBe(DEV_SESSION_SECRET);
    expect(c.HQ_ADMIN_PASSWORD).not.toBe(DEV_HQ_PASSWORD);
  });

  it('refuses the fake WeChat in production even when asked for', () => {
    expect(problems({ NODE_ENV: 'production', WECHAT_FAKE: 'true' }).some((p) => p.startsWith('WECHAT_FAKE:'))).toBe(true);
  });
});
