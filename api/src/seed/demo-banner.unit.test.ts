import { DEV_HQ_PASSWORD } from '../config';
import { demoLines, hqLoginLines } from './demo-banner';
import type { DemoSummary } from './seed';

const URL = 'http://127.0.0.1:3000';
const demo: DemoSummary = {
  campaigns: 2,
  members: { members: 6, orders: 8 },
  pos: { storeName: '上海静安嘉里店', keyId: 'pk_0123456789abcdef', secret: 'sk_demo-secret' },
  stores: [{ id: 1, name: '上海静安嘉里店', code: 'SH-JA01', guides: [{ id: 1, name: '林晓雯', wecomUserId: 'demo.linxiaowen', bindingCode: 'ABCD2345', bindingCodeExpiresAt: '2026-12-04T00:00:00.000Z', contactConfigId: 'cfg-1' }] }],
};

describe('start banner', () => {
  it('prints the HQ password only when it is the published development default', () => {
    const dev = hqLoginLines({ NODE_ENV: 'development', HQ_ADMIN_USERNAME: 'admin', HQ_ADMIN_PASSWORD: DEV_HQ_PASSWORD }, URL).join('\n');
    expect(dev).toContain(`总部后台: ${URL}/hq/  账号 admin  密码 ${DEV_HQ_PASSWORD}`);
    const own = hqLoginLines({ NODE_ENV: 'development', HQ_ADMIN_USERNAME: 'boss', HQ_ADMIN_PASSWORD: 'my-own-secret-pw' }, URL).join('\n');
    expect(own).toContain('boss');
    expect(own).not.toContain('my-own-secret-pw');
    expect(own).toContain('HQ_ADMIN_PASSWORD');
    const prod = hqLoginLines({ NODE_ENV: 'production', HQ_ADMIN_USERNAME: 'admin', HQ_ADMIN_PASSWORD: 'production-secret' }, URL).join('\n');
    expect(prod).not.toContain('production-secret');
  });

  it('lists the demo guides with their binding codes and 联系我 config outside production only', () => {
    const dev = demoLines({ NODE_ENV: 'development' }, URL, demo).join('\n');
    expect(dev).toContain('林晓雯');
    expect(dev).toContain('ABCD2345');
    expect(dev).toContain('cfg-1');
    const prod = demoLines({ NODE_ENV: 'production' }, URL, demo).join('\n');
    expect(prod).not.toContain('ABCD2345');
    // The demo till's key: printed in development (once, on the seeding start), never in production.
    expect(dev).toContain('pk_0123456789abcdef');
    expect(dev).toContain('sk_demo-secret');
    expect(prod).not.toContain('sk_demo-secret');
    expect(demoLines({ NODE_ENV: 'development' }, URL, null)).toEqual([]);
  });
});
