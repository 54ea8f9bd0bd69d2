/**
 * 总部账号 through the API: create (a store manager needs an existing store), refuse bad input by
 * field, disable and change role with effect on the next request, reset a password; the login
 * lockout per account (kept in the database, so a second instance on the same database refuses
 * too) and per address; every one of these writes leaves an audit row with operator and values.
 */
import { loginHq, startTestApp, type TestApp } from '../../../test/harness';
import type { DbTarget } from '../../db/data-source';
import { ok } from '../../../test/shopping';
import { aStore } from '../guides/guides.test-support';
import { PASSWORD } from './hq-access.test-support';

describe('HQ accounts, lockout and their audit rows', () => {
  let clock = Date.now();
  let app: TestApp;
  let shared: DbTarget;
  let owner: string;
  beforeAll(async () => {
    app = await startTestApp({}, { now: () => new Date(clock), db: (t) => (shared = t) });
    owner = await loginHq(app);
  });
  afterAll(() => app.close());

  const audit = async (query: string) => ok(await app.api.get(`/api/hq/audit?${query}`, owner));

  it('creates a store manager for an existing store only, and refuses bad input by field', async () => {
    const storeId = await aStore(app, owner);
    const bad: [Record<string, unknown>, number, string][] = [
      [{ username: 'mgr1', password: PASSWORD, role: 'store_manager' }, 400, 'body.storeId'],
      [{ username: 'mgr1', password: PASSWORD, role: 'store_manager', storeId: 987654 }, 400, 'body.storeId'],
      [{ username: 'op9', password: PASSWORD, role: 'operator', storeId }, 400, 'body.storeId'],
      [{ username: 'mgr1', password: 'short1', role: 'store_manager', storeId }, 400, 'password'],
      [{ username: 'mgr1', password: 'longbutnodigits', role: 'store_manager', storeId }, 400, 'password'],
      [{ username: 'x', password: PASSWORD, role: 'operator' }, 400, 'username'],
      [{ username: 'mgr1', password: PASSWORD, role: 'analyst' }, 400, 'role'],
    ];
    for (const [body, status, field] of bad) {
      const res = await app.api.post('/api/hq/accounts', body, owner);
      expect([JSON.stringify(body), res.status, res.body.field]).toEqual([JSON.stringify(body), status, field]);
    }
    const created = ok(await app.api.post('/api/hq/accounts', { username: 'mgr1', password: PASSWORD, role: 'store_manager', storeId }, owner), 201);
    expect(created).toMatchObject({ username: 'mgr1', role: 'store_manager', storeId, active: true });
    expect(created).not.toHaveProperty('passwordHash');
    const again = await app.api.post('/api/hq/accounts', { username: 'mgr1', password: PASSWORD, role: 'operator' }, owner);
    expect([again.status, again.body.code, again.body.field]).toEqual([409, 'HQ_USERNAME_TAKEN', 'body.username']);

    const mgr = await loginHq(app, 'mgr1', PASSWORD);
    expect(ok(await app.api.get('/api/hq/me', mgr))).toEqual({ id: created.id, username: 'mgr1', role: 'store_manager', storeId });
    expect((await app.api.get('/api/hq/accounts', mgr)).status).toBe(403);

    const [row] = (await audit(`objectType=accounts&objectId=${created.id}`)).items;
    expect(row).toMatchObject({ username: 'admin', role: 'owner', action: 'POST /api/hq/accounts', before: null, after: { username: 'mgr1', role: 'store_manager', storeId } });
    expect(JSON.stringify(row)).not.toMatch(/scrypt|Passw0rd/);
  });

  it('disables an account and changes a role with effect on the next request; the owner cannot lock themselves out', async () => {
    const op = ok(await app.api.post('/api/hq/accounts', { username: 'op2', password: PASSWORD, role: 'operator' }, owner), 201);
    const token = await loginHq(app, 'op2', PASSWORD);
    expect((await app.api.post('/api/hq/categories', { name: '运营建的' }, token)).status).toBe(201);
    ok(await app.api.patch(`/api/hq/accounts/${op.id}`, { role: 'finance' }, owner));
    expect((await app.api.post('/api/hq/categories', { name: '财务不能建' }, token)).status).toBe(403);
    ok(await app.api.patch(`/api/hq/accounts/${op.id}`, { active: false }, owner));
    expect((await app.api.get('/api/hq/products', token)).status).toBe(401);
    expect((await app.api.post('/api/hq/auth/login', { username: 'op2', password: PASSWORD })).status).toBe(401);

    const me = ok(await app.api.get('/api/hq/me', owner));
    const self = await app.api.patch(`/api/hq/accounts/${me.id}`, { active: false }, owner);
    expect([self.status, self.body.code]).toEqual([409, 'HQ_ACCOUNT_SELF']);

    const rows = (await audit(`objectType=accounts&objectId=${op.id}&action=${encodeURIComponent('PATCH /api/hq/accounts/:id')}`)).items;
    // Newest first: the disable, then the role change, each with its before and after.
    expect(rows.map((r: any) => [r.before.role, r.before.active, r.after.role, r.after.active])).toEqual([
      ['finance', true, 'finance', false],
      ['operator', true, 'finance', true],
    ]);
  });

  it('locks an account after 5 failures in 15 minutes, across instances, until it expires or the owner resets the password', async () => {
    ok(await app.api.post('/api/hq/accounts', { username: 'fin3', password: PASSWORD, role: 'finance' }, owner), 201);
    const login = (a: TestApp, password: string) => a.api.post('/api/hq/auth/login', { username: 'fin3', password });
    for (let i = 0; i < 4; i++) expect((await login(app, 'wrong-password1')).status).toBe(401);
    const fifth = await login(app, 'wrong-password1');
    expect([fifth.status, fifth.body.code, fifth.body.message, Number(fifth.headers.get('retry-after'))]).toEqual([423, 'HQ_LOGIN_LOCKED', expect.stringContaining('锁定'), 900]);
    expect((await login(app, PASSWORD)).status).toBe(423);

    // A second instance on the same database (its own process memory) refuses too.
    const other = await startTestApp({}, { now: () => new Date(clock), db: () => shared });
    try {
      const res = await login(other, PASSWORD);
      expect([res.status, res.body.code]).toEqual([423, 'HQ_LOGIN_LOCKED']);
    } finally {
      await other.close();
    }
    clock += 15 * 60_000 + 1000;
    owner = await loginHq(app);
    expect((await login(app, PASSWORD)).status).toBe(200);
  });

  it('resets a password (lifting a lockout); the audit row keeps no secret', async () => {
    const acc = ok(await app.api.post('/api/hq/accounts', { username: 'fin4', password: PASSWORD, role: 'finance' }, owner), 201);
    for (let i = 0; i < 5; i++) await app.api.post('/api/hq/auth/login', { username: 'fin4', password: 'wrong-password1' });
    expect((await app.api.post('/api/hq/auth/login', { username: 'fin4', password: PASSWORD })).status).toBe(423);
    const weak = await app.api.post(`/api/hq/accounts/${acc.id}/password`, { password: 'abc' }, owner);
    expect([weak.status, weak.body.field]).toEqual([400, 'password']);
    ok(await app.api.post(`/api/hq/accounts/${acc.id}/password`, { password: 'N3w-password-x' }, owner));
    expect((await app.api.post('/api/hq/auth/login', { username: 'fin4', password: PASSWORD })).status).toBe(401);
    expect((await app.api.post('/api/hq/auth/login', { username: 'fin4', password: 'N3w-password-x' })).status).toBe(200);
    const [row] = (await audit(`action=${encodeURIComponent('POST /api/hq/accounts/:id/password')}`)).items;
    expect(row.before.lockedUntil).not.toBeNull();
    expect(row.after.lockedUntil).toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/N3w-password|scrypt/);
  });

  it('slows an address that keeps failing on any username with 429 and Retry-After', async () => {
    let last = await app.api.post('/api/hq/auth/login', { username: 'nobody0', password: 'x' });
    for (let i = 1; i < 25 && last.status === 401; i++) last = await app.api.post('/api/hq/auth/login', { username: `nobody${i}`, password: 'x' });
    expect([last.status, last.body.code]).toEqual([429, 'HQ_LOGIN_RATE_LIMITED']);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
