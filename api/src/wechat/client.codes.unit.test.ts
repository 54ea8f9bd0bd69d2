import { inflateSync } from 'node:zlib';
import { WeChatClient } from './client';
import { FakeWeChat } from './fake-wechat';

const APPID = 'wx_test_appid';
const SECRET = 'test-secret';

describe('poster codes and subscribe messages against the fake WeChat server', () => {
  let fake: FakeWeChat;
  let client: WeChatClient;

  beforeEach(async () => {
    fake = new FakeWeChat({ appid: APPID, secret: SECRET, codeQuota: 2 });
    await fake.start();
    client = new WeChatClient({ baseUrl: fake.baseUrl, appid: APPID, secret: SECRET, timeoutMs: 2000 });
  });
  afterEach(() => fake.stop());

  it('gets a real PNG for a scene of 32 characters and a page of the app', async () => {
    const scene = 'g=12345&t=abcdefghijklmnopqrstuv';
    expect(scene).toHaveLength(32);
    const { contentType, image } = await client.getUnlimitedQrCode({ scene, page: 'packages/groupbuy/group/index', width: 280 });
    expect(contentType).toBe('image/png');
    expect(image.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = image.readUInt32BE(16);
    expect(width).toBeGreaterThan(200);
    // The IDAT chunk inflates to one filter byte plus `width` greyscale bytes per row.
    const idatLen = image.readUInt32BE(33);
    expect(image.subarray(37, 41).toString('ascii')).toBe('IDAT');
    expect(inflateSync(image.subarray(41, 41 + idatLen))).toHaveLength((width + 1) * width);
    expect(fake.codesMade).toEqual([{ scene, page: 'packages/groupbuy/group/index' }]);
  });

  it('refuses a page the app does not have (41030) and stops at the quota (45009)', async () => {
    await expect(client.getUnlimitedQrCode({ scene: 'g=1', page: 'packages/nowhere/index' })).rejects.toMatchObject({ errcode: 41030 });
    await client.getUnlimitedQrCode({ scene: 'g=1', page: 'pages/index/index' });
    await client.getUnlimitedQrCode({ scene: 'g=2', page: 'pages/index/index' });
    await expect(client.getUnlimitedQrCode({ scene: 'g=3', page: 'pages/index/index' })).rejects.toMatchObject({ errcode: 45009 });
  });

  it('never sends a scene over 32 characters or a page with a leading slash; the fake refuses them too', async () => {
    await expect(client.getUnlimitedQrCode({ scene: 'x'.repeat(33), page: 'pages/index/index' })).rejects.toBeInstanceOf(RangeError);
    await expect(client.getUnlimitedQrCode({ scene: 'g=1', page: '/pages/index/index' })).rejects.toBeInstanceOf(RangeError);
    const token = await client.accessToken();
    const raw = await fetch(`${fake.baseUrl}/wxa/getwxacodeunlimit?access_token=${token}`, { method: 'POST', body: JSON.stringify({ scene: 'x'.repeat(33), page: 'pages/index/index' }) });
    expect(await raw.json()).toMatchObject({ errcode: 40169 });
  });

  it('delivers a subscribe message, and answers 43101 to a shopper who refused', async () => {
    const data = { thing1: { value: '拼团成功' } };
    await client.sendSubscribeMessage({ touser: 'o_alice', templateId: 'tmpl_group', page: 'packages/groupbuy/group/index?id=1', data });
    expect(fake.subscribeSends).toEqual([{ touser: 'o_alice', templateId: 'tmpl_group', page: 'packages/groupbuy/group/index?id=1', data }]);
    fake.subscribeRefused.add('o_bob');
    await expect(client.sendSubscribeMessage({ touser: 'o_bob', templateId: 'tmpl_group', data })).rejects.toMatchObject({ errcode: 43101 });
    expect(fake.subscribeSends).toHaveLength(1);
  });

  it('refuses a subscribe message without an openid (40003) or with empty or over-long data (47003)', async () => {
    const data = { thing1: { value: '拼团成功' } };
    await expect(client.sendSubscribeMessage({ touser: '', templateId: 'tmpl_group', data })).rejects.toMatchObject({ errcode: 40003 });
    await expect(client.sendSubscribeMessage({ touser: 'o_carol', templateId: 'tmpl_group', data: {} })).rejects.toMatchObject({ errcode: 47003 });
    await expect(client.sendSubscribeMessage({ touser: 'o_carol', templateId: 'tmpl_group', data: { thing1: { value: '长'.repeat(21) } } })).rejects.toMatchObject({ errcode: 47003 });
    await expect(client.sendSubscribeMessage({ touser: 'o_carol', templateId: 'tmpl_group', data: { thing1: { value: '' } } })).rejects.toMatchObject({ errcode: 47003 });
    expect(fake.subscribeSends.filter((s) => s.touser === 'o_carol')).toEqual([]);
  });
});
