/**
 * API_WORKERS: the API as `npm start` runs it (main.ts in its own process), as a cluster of
 * workers on MySQL. (That the embedded database stays one process is config.unit.test.ts.)
 */
import { startApiProcess } from '../bench/api-process';
import { alive, fresh, nodeChildren, waitFor } from '../test/cluster-support';
import { TEST_DB } from '../test/harness';

// The workers need MySQL (the embedded database is single-process by configuration).
(TEST_DB === 'mysql' ? describe : describe.skip)('API workers (MySQL)', () => {
  jest.setTimeout(120_000);

  it('serves from every worker, replaces one that dies, and drains them all on SIGTERM', async () => {
    const server = await startApiProcess({ API_WORKERS: '2' });
    let stopped = false;
    try {
      const workers = nodeChildren(server.pid);
      expect(workers).toHaveLength(2);

      // Logins mint the code through one worker and redeem it through another: one shared fake WeChat.
      for (let i = 0; i < 8; i++) {
        const code = await (await fresh(server, '/api/auth/dev-code', { method: 'POST', body: '{}' })).json();
        const login = await fresh(server, '/api/auth/wechat-login', { method: 'POST', body: JSON.stringify({ code: code.data.code }) });
        expect(login.status).toBe(200);
      }

      process.kill(workers[0], 'SIGKILL');
      const replaced = await waitFor('a replacement worker', () => {
        const now = nodeChildren(server.pid);
        return now.length === 2 && !now.includes(workers[0]) ? now : undefined;
      });
      const answers = await Promise.all(Array.from({ length: 10 }, () => fresh(server, '/api/categories').then((r) => r.status)));
      expect(answers).toEqual(Array(10).fill(200));

      stopped = true;
      expect(await server.stop()).toBe(0);
      expect(replaced.filter(alive)).toEqual([]);
    } finally {
      if (!stopped) await server.stop();
    }
  });
  it('shares one fake WeCom: contact ways made through either worker, and its callbacks reach the shared port', async () => {
    const fakes: string[] = [];
    const server = await startApiProcess(
      { API_WORKERS: '2', WECHAT_FAKE: 'true' },
      {
        line: (text) => {
          const entry = text.startsWith('{') ? JSON.parse(text) : null;
          if (entry?.msg === 'using the fake WeCom server (development only)') fakes.push(entry.baseUrl);
        },
      },
    );
    try {
      expect(nodeChildren(server.pid)).toHaveLength(2);
      const call = async (path: string, body: unknown, token?: string) => {
        const res = await fresh(server, path, { method: 'POST', body: JSON.stringify(body), headers: token ? { authorization: `Bearer ${token}` } : {} });
        return { status: res.status, body: await res.json() };
      };
      const hq = (await call('/api/hq/auth/login', { username: 'admin', password: server.hqPassword })).body.data.token;
      const store = await call('/api/hq/stores', { name: '集群门店', code: `C${process.pid}`, city: '深圳' }, hq);
      expect(store.status).toBe(201);
      // Each guide's ways take a token and two add_contact_way calls, on connections the primary spreads over both workers.
      const guides: { id: number; wecomUserId: string }[] = [];
      for (let i = 0; i < 8; i++) {
        const wecomUserId = `cluster${process.pid}x${i}`;
        const g = await call('/api/hq/guides', { name: `集群导购${i}`, wecomUserId, storeId: store.body.data.id }, hq);
        expect(g.status).toBe(201);
        guides.push({ id: g.body.data.id, wecomUserId });
      }
      const ways = await Promise.all(guides.map((g) => call(`/api/hq/guides/${g.id}/contact-ways`, {}, hq)));
      expect(ways.map((w) => [w.status, w.body.code])).toEqual(guides.map(() => [200, undefined]));
      for (const w of ways) expect(w.body.data.contactConfigId).toMatch(/^[0-9a-f]{32}$/);

      // One fake for the whole cluster (not one per worker), and WeCom's callback (a customer adds the guide) lands on the shared port.
      expect(fakes).toHaveLength(1);
      const added = await fetch(`${fakes[0]}/__loopmall/add-customer`, { method: 'POST', body: JSON.stringify({ userId: guides[0].wecomUserId, state: `g${guides[0].id}`, unionid: null }) });
      expect(await added.json()).toMatchObject({ status: 200, text: 'success' });
    } finally {
      await server.stop();
    }
  });
});
