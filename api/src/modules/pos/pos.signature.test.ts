/**
 * POS request signing against the real server: the README's worked example byte for byte, key
 * creation (secret shown once, never stored), and every refusal — unsigned, tampered, stale,
 * replayed, unknown and revoked keys — answering 401 with its code and writing nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FakePos, saleBody, signPosRequest } from '../../../test/fake-pos';
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';
import { aStore } from '../guides/guides.test-support';
import { sha256Hex } from './keys.service';
import { PosApiKey } from './pos.entities';

const MASTER = 'loopmall-readme-example-master-key-0001';
const EXAMPLE = {
  secret: 'sk_OnNRX0PqEDs2OwW3RirbLh8ZB4TotvjHPDobpyZAWrA',
  keyId: 'pk_0123456789abcdef',
  salt: '00112233445566778899aabbccddeeff',
  timestamp: '1796263205',
  nonce: 'a1b2c3d4e5f60718293a4b5c',
  body: '{"receiptNo":"R20261203-0001","soldAt":"2026-12-03T10:00:00+08:00","paymentMethod":"wechat","lines":[{"title":"纯棉T恤","quantity":1,"unitFen":9900,"amountFen":9900}],"totalFen":9900,"discountFen":0,"payableFen":9900}',
  bodyHash: '0cdb236536b8587bf7c98e64b6a43553b5dfe594629386b2d10ce3751468dffc',
  signature: 'd5ad3da92d48803aa2dfac5ee98b45967751edba6efe4e48b3152ce6ad88a1b4',
};

describe('POS signatures', () => {
  let app: TestApp;
  let hq: string;
  let storeId: number;
  let clock = Date.now();
  const counts = async () => (await app.ds.query('SELECT (SELECT COUNT(*) FROM pos_sale) AS sales, (SELECT COUNT(*) FROM pos_nonce) AS nonces'))[0];
  const newKey = async (store = storeId) => ok(await app.api.post(`/api/hq/stores/${store}/pos-keys`, { label: '收银台 1' }, hq), 201);

  beforeAll(async () => {
    app = await startTestApp({ POS_KEY_SECRET: MASTER }, { now: () => new Date(clock) });
    hq = await loginHq(app);
    storeId = await aStore(app, hq);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    clock = Date.now();
  });

  it('reproduces the README worked example byte for byte, and the server accepts that exact request', async () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8');
    const signed = signPosRequest({ keyId: EXAMPLE.keyId, secret: EXAMPLE.secret, method: 'POST', pathWithQuery: '/api/pos/sales', body: EXAMPLE.body, timestamp: EXAMPLE.timestamp, nonce: EXAMPLE.nonce });
    expect(signed.bodySha256).toBe(EXAMPLE.bodyHash);
    expect(signed.signature).toBe(EXAMPLE.signature);
    for (const line of [
      `secret:     ${EXAMPLE.secret}`,
      `key id:     ${EXAMPLE.keyId}`,
      `timestamp:  ${EXAMPLE.timestamp}`,
      `nonce:      ${EXAMPLE.nonce}`,
      `body:       ${EXAMPLE.body}`,
      `body hash:  ${EXAMPLE.bodyHash}`,
      `canonical:  ${signed.canonical.replace(/\n/g, '\\n')}`,
      `signature:  ${EXAMPLE.signature}`,
    ]) {
      expect(readme).toContain(line);
    }
    // The example key: its secret is what POS_KEY_SECRET and the salt derive (only the hash is kept).
    await app.ds.manager.insert(PosApiKey, { storeId, keyId: EXAMPLE.keyId, label: 'README', salt: EXAMPLE.salt, secretSha256: sha256Hex(EXAMPLE.secret), createdBy: null, createdAt: new Date(), revokedAt: null, lastUsedAt: null });
    clock = Number(EXAMPLE.timestamp) * 1000 + 20_000;
    const pos = new FakePos(app.url, EXAMPLE.keyId, EXAMPLE.secret);
    const res = await pos.raw('POST', '/api/pos/sales', EXAMPLE.body, { ...signed.headers, 'content-type': 'application/json' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ receiptNo: 'R20261203-0001', storeId, payableFen: 9900, memberId: null, attribution: 'none' });
  });

  it('shows a new key’s secret once; lists and the database never hold it', async () => {
    const created = await newKey();
    expect(created.keyId).toMatch(/^pk_[0-9a-f]{16}$/);
    expect(created.secret).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    const list = ok(await app.api.get(`/api/hq/stores/${storeId}/pos-keys`, hq));
    expect(list.find((k: { id: number }) => k.id === created.id)).toEqual({ id: created.id, storeId, keyId: created.keyId, label: '收银台 1', createdAt: created.createdAt, revokedAt: null, lastUsedAt: null });
    expect(JSON.stringify(list)).not.toContain(created.secret);
    const [row] = await app.ds.query('SELECT * FROM pos_api_key WHERE id = ?', [created.id]);
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(3));
    const [audit] = await app.ds.query("SELECT after_json FROM audit_log WHERE object_type = 'pos_api_key' ORDER BY id DESC LIMIT 1");
    expect(audit.after_json).not.toContain(created.secret);
    // And it signs: a guest sale goes through.
    ok(await new FakePos(app.url, created.keyId, created.secret).sale(saleBody(`K${created.id}`, 500)), 201);
  });

  it('refuses unsigned, tampered, wrong-secret and unknown-key requests with 401 and writes nothing', async () => {
    const { keyId, secret } = await newKey();
    const pos = new FakePos(app.url, keyId, secret);
    // Signed for another path (with a query) than the one it is sent to.
    const signedFor = async (p: string) => ({
      ...signPosRequest({ keyId, secret, method: 'POST', pathWithQuery: p, body: JSON.stringify(saleBody('U4', 100)), timestamp: String(Math.floor(clock / 1000)), nonce: 'nonce-for-another-path-1' }).headers,
      'content-type': 'application/json',
    });
    const before = await counts();
    const cases: [Promise<{ status: number; body: { code?: string } }>, string][] = [
      [pos.send('POST', '/api/pos/sales', saleBody('U1', 100), { headers: () => ({}) }), 'POS_SIGNATURE_MISSING'],
      [pos.send('POST', '/api/pos/sales', saleBody('U2', 100), { headers: (h) => ({ ...h, 'x-loopmall-nonce': '' }) }), 'POS_SIGNATURE_MISSING'],
      [pos.send('POST', '/api/pos/sales', saleBody('U3', 100), { sendBody: JSON.stringify(saleBody('U3', 1)) }), 'POS_SIGNATURE_INVALID'],
      [signedFor('/api/pos/sales?storeId=2').then((h) => pos.raw('POST', '/api/pos/sales', JSON.stringify(saleBody('U4', 100)), h)), 'POS_SIGNATURE_INVALID'],
      [new FakePos(app.url, keyId, `${secret}x`).sale(saleBody('U5', 100)), 'POS_SIGNATURE_INVALID'],
      [new FakePos(app.url, 'pk_ffffffffffffffff', secret).sale(saleBody('U6', 100)), 'POS_KEY_UNKNOWN'],
    ];
    for (const [res, code] of cases) {
      const r = await res;
      expect([r.status, r.body.code]).toEqual([401, code]);
    }
    const after = await counts();
    expect([Number(after.sales), Number(after.nonces)]).toEqual([Number(before.sales), Number(before.nonces)]);
  });

  it('refuses a replayed request and a stale timestamp (5-minute window, either side)', async () => {
    const { keyId, secret } = await newKey();
    const pos = new FakePos(app.url, keyId, secret);
    ok(await pos.sale(saleBody('RP1', 300)), 201);
    const before = await counts();
    const replay = await pos.replay();
    expect([replay.status, replay.body.code]).toEqual([401, 'POS_NONCE_REPLAYED']);
    const now = Math.floor(clock / 1000);
    const stale = await pos.sale(saleBody('RP2', 300)).then(() => pos.send('POST', '/api/pos/sales', saleBody('RP3', 300), { timestamp: String(now - 301) }));
    expect([stale.status, stale.body.code]).toEqual([401, 'POS_TIMESTAMP_STALE']);
    const future = await pos.send('POST', '/api/pos/sales', saleBody('RP4', 300), { timestamp: String(now + 301) });
    expect([future.status, future.body.code]).toEqual([401, 'POS_TIMESTAMP_STALE']);
    expect((await pos.send('POST', '/api/pos/sales', saleBody('RP5', 300), { timestamp: String(now - 290) })).status).toBe(201);
    expect(Number((await counts()).sales)).toBe(Number(before.sales) + 2);
  });

  it('refuses a revoked key; revoking twice is a conflict; nonces age out through the prune job', async () => {
    const key = await newKey();
    const pos = new FakePos(app.url, key.keyId, key.secret);
    ok(await pos.sale(saleBody('RV1', 100)), 201);
    expect(ok(await app.api.post(`/api/hq/pos-keys/${key.id}/revoke`, {}, hq)).revokedAt).not.toBeNull();
    const refused = await pos.sale(saleBody('RV2', 100));
    expect([refused.status, refused.body.code]).toEqual([401, 'POS_KEY_REVOKED']);
    expect((await app.api.post(`/api/hq/pos-keys/${key.id}/revoke`, {}, hq)).status).toBe(409);
    expect((await app.api.post('/api/hq/pos-keys/999999/revoke', {}, hq)).status).toBe(404);
    clock += 11 * 60_000;
    await app.services.scheduler.runOnce('pos-nonce-prune');
    expect(Number((await counts()).nonces)).toBe(0);
  });

  it('lets a store manager see only their own store’s keys, and not create any', async () => {
    const other = await aStore(app, hq);
    ok(await app.api.post('/api/hq/accounts', { username: 'posmgr', password: 'manager-pass-1', role: 'store_manager', storeId }, hq), 201);
    const mgr = await loginHq(app, 'posmgr', 'manager-pass-1');
    expect((await app.api.get(`/api/hq/stores/${storeId}/pos-keys`, mgr)).status).toBe(200);
    expect((await app.api.get(`/api/hq/stores/${other}/pos-keys`, mgr)).status).toBe(404);
    expect((await app.api.post(`/api/hq/stores/${storeId}/pos-keys`, { label: 'x' }, mgr)).status).toBe(403);
    expect((await app.api.post('/api/hq/stores/999999/pos-keys', { label: 'x' }, hq)).status).toBe(404);
  });
});
