/**
 * A route whose WeCom call fails answers a bad gateway with Chinese copy, never a 500: WeCom
 * refusing the call (an errcode the feature does not handle) and WeCom not answering at all.
 */
import { startTestApp, type TestApp } from '../../test/harness';
import { aGuide, hqToken } from '../modules/guides/guides.test-support';

describe('WeChat and WeCom failures reach the caller as 502 WECHAT_UNAVAILABLE', () => {
  let app: TestApp;
  let hq: string;
  beforeAll(async () => {
    app = await startTestApp();
    hq = await hqToken(app);
  });
  afterAll(() => app.close());

  const expect502 = (res: { status: number; body: { code?: string; message?: string } }) =>
    expect([res.status, res.body.code, res.body.message]).toEqual([502, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试']);

  it('when WeCom refuses the call with an errcode', async () => {
    const guide = await aGuide(app, hq);
    // The corp does not know this guide's WeCom userid: add_contact_way answers 40003.
    app.fakeWecom!.knownUsers = new Set(['someone-else']);
    expect502(await app.api.post(`/api/hq/guides/${guide.id}/contact-ways`, {}, hq));
    app.fakeWecom!.knownUsers = null;
    expect((await app.api.post(`/api/hq/guides/${guide.id}/contact-ways`, {}, hq)).status).toBe(200);
  });

  it('when WeCom does not answer', async () => {
    const guide = await aGuide(app, hq);
    await app.fakeWecom!.stop();
    expect502(await app.api.post(`/api/hq/guides/${guide.id}/contact-ways`, {}, hq));
  });
});
