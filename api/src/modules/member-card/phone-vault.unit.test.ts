import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config';
import { PhoneVault } from './phone-vault';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const INDEX_KEY = 'an-index-key-of-at-least-32-characters!!';

describe('PhoneVault', () => {
  it('round-trips a number, with a fresh IV each time and the key id beside it', () => {
    const vault = new PhoneVault([k1], INDEX_KEY);
    const a = vault.seal('13800138000');
    const b = vault.seal('13800138000');
    expect(a.keyId).toBe('k1');
    expect(a.cipher).not.toBe(b.cipher);
    expect(a.cipher).not.toContain('13800138000');
    expect(Buffer.from(a.cipher, 'base64').toString('latin1')).not.toContain('13800138000');
    expect([vault.open(a), vault.open(b)]).toEqual(['13800138000', '13800138000']);
  });

  it('after a rotation seals with the new key and still opens values sealed with the old one', () => {
    const before = new PhoneVault([k1], INDEX_KEY);
    const old = before.seal('13900001111');
    const after = new PhoneVault([k2, k1], INDEX_KEY);
    const fresh = after.seal('13900002222');
    expect(fresh.keyId).toBe('k2');
    expect(after.open(old)).toBe('13900001111');
    expect(after.open(fresh)).toBe('13900002222');
    // Once k1 is dropped, its values no longer open: they fail loudly, never as another number.
    expect(() => new PhoneVault([k2], INDEX_KEY).open(old)).toThrow(/k1/);
  });

  it('refuses a tampered value or one relabelled with another key id', () => {
    const vault = new PhoneVault([k2, k1], INDEX_KEY);
    const sealed = vault.seal('13800138000');
    const raw = Buffer.from(sealed.cipher, 'base64');
    raw[14] ^= 1;
    expect(() => vault.open({ keyId: 'k2', cipher: raw.toString('base64') })).toThrow();
    expect(() => vault.open({ keyId: 'k1', cipher: sealed.cipher })).toThrow();
  });

  it('indexes equal numbers equally whatever key sealed them, and differs per index key', () => {
    const a = new PhoneVault([k1], INDEX_KEY);
    const b = new PhoneVault([k2, k1], INDEX_KEY);
    expect(a.indexOf('13800138000')).toBe(b.indexOf('13800138000'));
    expect(a.indexOf('13800138000')).not.toBe(a.indexOf('13800138001'));
    expect(new PhoneVault([k1], `${INDEX_KEY}x`).indexOf('13800138000')).not.toBe(a.indexOf('13800138000'));
    expect(a.indexOf('13800138000')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('PHONE_KEYS configuration', () => {
  const b64 = () => randomBytes(32).toString('base64');

  it('reads id:key pairs, first current', () => {
    const config = loadConfig({ PHONE_KEYS: `k2:${b64()}, k1:${b64()}` });
    expect(config.PHONE_KEYS.map((k) => [k.id, k.key.length])).toEqual([
      ['k2', 32],
      ['k1', 32],
    ]);
  });

  it.each([`k1:${randomBytes(16).toString('base64')}`, `k1:${b64()},k1:${b64()}`, 'nokey', `bad id:${b64()}`])('refuses %j', (value) =>
    expect(() => loadConfig({ PHONE_KEYS: value })).toThrow(/PHONE_KEYS/),
  );

  it('refuses the development keys in production', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@h:3306/d', SESSION_SECRET: 'x'.repeat(40), HQ_ADMIN_PASSWORD: 'a-real-password', WECHAT_APPID: 'wx1234', WECHAT_SECRET: 'real' };
    expect(() => loadConfig(prod)).toThrow(/PHONE_KEYS: production needs its own keys[\s\S]*PHONE_INDEX_KEY/);
    expect(() => loadConfig({ ...prod, PHONE_KEYS: `p1:${b64()}`, PHONE_INDEX_KEY: 'p'.repeat(40) })).not.toThrow(/PHONE_/);
  });
});
