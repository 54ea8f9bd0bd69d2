/**
 * 开卡 against the fake WeChat's getuserphonenumber (good code, 40029, 45011), the sealed row and
 * its blind index, the counter's lookups, the member code, and HQ's masked phone + audited reveal.
 */
import { DEV_PHONE_KEYS, DEV_PHONE_INDEX_KEY } from '../../config';
import { verifyMemberToken } from '../../platform/member-token';
import { PhoneVault } from './phone-vault';
import { loginHq, loginShopper, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { account } from '../hq-accounts/hq-access.test-support';

/** A rotation already happened: k2 is current, the development key (dev1) still decrypts. */
const K2 = Buffer.alloc(32, 9).toString('base64');
const DEV1 = DEV_PHONE_KEYS.split(':')[1];

describe('member card: phone number, member code, HQ reveal', () => {
  let app: TestApp;
  let owner: string;
  beforeAll(async () => {
    app = await startTestApp({ PHONE_KEYS: `k2:${K2},dev1:${DEV1}` });
    owner = await loginHq(app);
  });
  afterAll(() => app.close());

  const openCard = async (token: string, phone: string) => app.api.post('/api/me/member-card/open', { code: app.fakeWechat!.mintPhoneCode(phone) }, token);

  it('opens the card with a good code: stored sealed, shown masked, found by phone', async () => {
    const shopper = await loginShopper(app);
    expect(ok(await app.api.get('/api/me/member-card', shopper.token))).toEqual({ opened: false, maskedPhone: null, openedAt: null });
    expect(await app.services.findMemberIdByPhone('13800138000')).toBeNull();

    const card = ok(await openCard(shopper.token, '13800138000'));
    expect(card).toMatchObject({ opened: true, maskedPhone: '138****8000' });
    expect(ok(await app.api.get('/api/me/member-card', shopper.token))).toEqual(card);
    expect(app.fakeWechat!.phone.exchanged).toContain('13800138000');

    const [row] = await app.ds.query('SELECT key_id, cipher, phone_index, masked FROM member_phone WHERE member_id = ?', [shopper.memberId]);
    expect(row.key_id).toBe('k2');
    expect(JSON.stringify(row)).not.toContain('13800138000');
    expect(row.masked).toBe('138****8000');

    for (const spelling of ['13800138000', '+86 138 0013 8000', '138-0013-8000']) expect(await app.services.findMemberIdByPhone(spelling)).toBe(shopper.memberId);
    expect(await app.services.memberCard.findMemberIdByPhone('13800138001')).toBeNull();
    expect(await app.services.findMemberIdByPhone('not a phone')).toBeNull();
    expect(await app.services.maskedPhoneOf(shopper.memberId)).toBe('138****8000');
    expect(await app.services.maskedPhoneOf(987654)).toBeNull();
  });

  it('after a rotation reads numbers sealed under the old key, and the job re-seals them under the current one', async () => {
    const shopper = await loginShopper(app);
    // A row written before the rotation, when dev1 was the only key.
    const before = new PhoneVault([{ id: 'dev1', key: Buffer.from(DEV1, 'base64') }], DEV_PHONE_INDEX_KEY);
    const sealed = before.seal('13512340000');
    const at = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await app.ds.query('INSERT INTO member_phone (member_id, key_id, cipher, phone_index, masked, country_code, opened_at, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      shopper.memberId, sealed.keyId, sealed.cipher, before.indexOf('13512340000'), '135****0000', '86', at, at,
    ]);
    expect(await app.services.findMemberIdByPhone('13512340000')).toBe(shopper.memberId);
    expect(ok(await app.api.post(`/api/hq/members/${shopper.memberId}/phone/reveal`, {}, owner)).fullPhone).toBe('13512340000');

    const run = await app.services.scheduler.runOnce('member-phone-rewrap');
    expect(run.result).toMatchObject({ left: 0 });
    expect((run.result as { rewrapped: number }).rewrapped).toBeGreaterThanOrEqual(1);
    const [row] = await app.ds.query('SELECT key_id, cipher FROM member_phone WHERE member_id = ?', [shopper.memberId]);
    expect([row.key_id, row.cipher === sealed.cipher]).toEqual(['k2', false]);
    expect(ok(await app.api.post(`/api/hq/members/${shopper.memberId}/phone/reveal`, {}, owner)).fullPhone).toBe('13512340000');
    expect(await app.services.findMemberIdByPhone('13512340000')).toBe(shopper.memberId);
    expect((await app.services.scheduler.runOnce('member-phone-rewrap')).result).toEqual({ rewrapped: 0, left: 0 });
  });

  it('refuses a bad or used code (40029) and a rate-limited exchange (45011), writing nothing', async () => {
    const shopper = await loginShopper(app);
    const bad = await app.api.post('/api/me/member-card/open', { code: 'not-a-code' }, shopper.token);
    expect([bad.status, bad.body.code]).toEqual([400, 'PHONE_CODE_INVALID']);
    expect(bad.body.message).toBe('手机号授权已失效，请重新授权');

    const code = app.fakeWechat!.mintPhoneCode('13911112222');
    ok(await app.api.post('/api/me/member-card/open', { code }, shopper.token));
    const replay = await app.api.post('/api/me/member-card/open', { code }, shopper.token);
    expect([replay.status, replay.body.code]).toEqual([400, 'PHONE_CODE_INVALID']);

    const other = await loginShopper(app);
    app.fakeWechat!.phone.failNext(45011);
    const limited = await openCard(other.token, '13933334444');
    expect([limited.status, limited.body.code]).toEqual([429, 'PHONE_RATE_LIMITED']);
    expect(ok(await app.api.get('/api/me/member-card', other.token)).opened).toBe(false);
    expect(await app.services.findMemberIdByPhone('13933334444')).toBeNull();

    const missing = await app.api.post('/api/me/member-card/open', {}, other.token);
    expect([missing.status, missing.body.field ?? missing.body.issues?.[0]?.field]).toEqual([400, 'code']);
    expect((await app.api.post('/api/me/member-card/open', { code: 'x' })).status).toBe(401);
  });

  it('a new number replaces the old one (the index follows), keeping the first opening time', async () => {
    const shopper = await loginShopper(app);
    const first = ok(await openCard(shopper.token, '13655556666'));
    const second = ok(await openCard(shopper.token, '13677778888'));
    expect(second).toEqual({ opened: true, maskedPhone: '136****8888', openedAt: first.openedAt });
    expect(await app.services.findMemberIdByPhone('13655556666')).toBeNull();
    expect(await app.services.findMemberIdByPhone('13677778888')).toBe(shopper.memberId);
  });

  it('the H5 development path mints a phone code through the fake and names a bad number', async () => {
    const shopper = await loginShopper(app);
    const bad = await app.api.post('/api/me/member-card/dev-phone-code', { phone: '12345' }, shopper.token);
    expect([bad.status, bad.body.issues?.[0]?.field ?? bad.body.field]).toEqual([400, 'phone']);
    const { code } = ok(await app.api.post('/api/me/member-card/dev-phone-code', { phone: '+86 150 1234 5678' }, shopper.token));
    expect(ok(await app.api.post('/api/me/member-card/open', { code }, shopper.token)).maskedPhone).toBe('150****5678');
  });

  it('gives the member code only after 开卡, signed for this member, refreshing in 60 s and valid 120 s', async () => {
    const shopper = await loginShopper(app);
    const before = await app.api.get('/api/me/member-code', shopper.token);
    expect([before.status, before.body.code]).toEqual([409, 'MEMBER_CARD_NOT_OPENED']);
    expect((await app.api.get('/api/me/member-code')).status).toBe(401);

    ok(await openCard(shopper.token, '18800001234'));
    const code = ok(await app.api.get('/api/me/member-code', shopper.token));
    const issued = Date.parse(code.issuedAt);
    expect([Date.parse(code.refreshAt) - issued, Date.parse(code.expiresAt) - issued]).toEqual([60_000, 120_000]);
    const check = verifyMemberToken(app.services.config.SESSION_SECRET, code.token, new Date());
    expect(check).toMatchObject({ ok: true, memberId: shopper.memberId });
    expect(verifyMemberToken(app.services.config.SESSION_SECRET, code.token, new Date(issued + 121_000))).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('HQ sees the phone masked; owner and finance reveal it, audited without the number; others get 403', async () => {
    const shopper = await loginShopper(app);
    ok(await openCard(shopper.token, '17712345678'));
    const finance = (await account(app, owner, 'fin_mc', 'finance')).token;
    const operator = (await account(app, owner, 'op_mc', 'operator')).token;

    expect(ok(await app.api.get(`/api/hq/members/${shopper.memberId}/phone`, operator))).toMatchObject({ memberId: shopper.memberId, maskedPhone: '177****5678' });
    expect((await app.api.get('/api/hq/members/987654/phone', operator)).status).toBe(404);

    const denied = await app.api.post(`/api/hq/members/${shopper.memberId}/phone/reveal`, {}, operator);
    expect(denied.status).toBe(403);
    const revealed = ok(await app.api.post(`/api/hq/members/${shopper.memberId}/phone/reveal`, {}, finance));
    expect(revealed).toEqual({ memberId: shopper.memberId, maskedPhone: '177****5678', fullPhone: '17712345678', countryCode: '86' });
    expect(ok(await app.api.post(`/api/hq/members/${shopper.memberId}/phone/reveal`, {}, owner)).fullPhone).toBe('17712345678');

    const noPhone = await loginShopper(app);
    const none = await app.api.post(`/api/hq/members/${noPhone.memberId}/phone/reveal`, {}, owner);
    expect([none.status, none.body.code]).toEqual([404, 'MEMBER_PHONE_NOT_FOUND']);
    expect((await app.api.post('/api/hq/members/987654/phone/reveal', {}, owner)).status).toBe(404);

    const log = await app.ds.query("SELECT username, action, object_type, object_id, after_json FROM audit_log WHERE object_type = 'members/phone' AND object_id = ? ORDER BY id", [String(shopper.memberId)]);
    expect(log.map((r: { username: string; object_id: string }) => [r.username, r.object_id])).toEqual([
      ['fin_mc', String(shopper.memberId)],
      ['admin', String(shopper.memberId)],
    ]);
    expect(log[0].action).toBe('POST /api/hq/members/:id/phone/reveal');
    expect(log[0].after_json).toContain('177****5678');
    expect(log[0].after_json).not.toContain('17712345678');
  });
});
