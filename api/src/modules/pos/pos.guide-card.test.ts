/**
 * 添加导购 on the member-code page after a counter scan: an unbound member scanned at a store is
 * offered that store's default guide while an add still earns its 双倍积分 (30 minutes, the
 * offer's rule), then the first store's again; a bound member keeps their own guide.
 */
import { issueMemberToken } from '../../platform/member-token';
import { FakePos } from '../../../test/fake-pos';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { aGuide, aStore, touch, type GuideFixture } from '../guides/guides.test-support';

describe('the guide card after a member-code scan', () => {
  let app: TestApp;
  let hq: string;
  let clock = Date.now();
  let first: GuideFixture;
  let second: GuideFixture;
  const MINUTE = 60_000;

  const posOf = async (storeId: number) => {
    const key = ok(await app.api.post(`/api/hq/stores/${storeId}/pos-keys`, { label: '收银台' }, hq), 201);
    return new FakePos(app.url, key.keyId, key.secret, () => clock);
  };
  const scan = async (pos: FakePos, memberId: number) => ok(await pos.identify(issueMemberToken(app.services.config.SESSION_SECRET, memberId, new Date(clock)).token));
  const cardOf = async (token: string) => ok(await app.api.get('/api/guides/mine', token)) as { id: number; source: string } | null;
  const asDefault = async (g: GuideFixture) => ok(await app.api.call('PUT', `/api/hq/stores/${g.storeId}/default-guide`, { body: { guideId: g.id }, token: hq }));

  beforeAll(async () => {
    app = await startTestApp({}, { now: () => new Date(clock) });
    hq = await loginHq(app);
    first = await aGuide(app, hq);
    second = await aGuide(app, hq);
    await asDefault(first);
    await asDefault(second);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    clock = Date.now();
  });

  it('offers the scanning store’s default guide for 30 minutes, then the first store’s', async () => {
    const shopper = await loginShopper(app);
    expect(await cardOf(shopper.token)).toMatchObject({ id: first.id, source: 'store_default' });
    await scan(await posOf(second.storeId), shopper.memberId);
    expect(await cardOf(shopper.token)).toMatchObject({ id: second.id, source: 'store_default' });
    clock += 30 * MINUTE;
    expect((await cardOf(shopper.token))?.id).toBe(second.id);
    clock += MINUTE;
    expect((await cardOf(shopper.token))?.id).toBe(first.id);
  });

  it('follows the latest scan, and falls back when that store has no default guide', async () => {
    const shopper = await loginShopper(app);
    await scan(await posOf(second.storeId), shopper.memberId);
    clock += MINUTE;
    await scan(await posOf(first.storeId), shopper.memberId);
    expect((await cardOf(shopper.token))?.id).toBe(first.id);
    clock += MINUTE;
    await scan(await posOf(await aStore(app, hq)), shopper.memberId);
    expect((await cardOf(shopper.token))?.id).toBe(first.id);
  });

  it('a bound member keeps their bound guide after a scan elsewhere', async () => {
    const own = await aGuide(app, hq, first.storeId);
    const shopper = await loginShopper(app);
    await touch(app, shopper.token, own.shareToken);
    await scan(await posOf(second.storeId), shopper.memberId);
    expect(await cardOf(shopper.token)).toMatchObject({ id: own.id, source: 'bound' });
  });
});
