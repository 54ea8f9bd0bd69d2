/**
 * The storefront of the WeCom sidebar journey: the same single-process start-up as `npm start`
 * (api/src/main.ts with API_WORKERS=1), plus a loopback control port through which the journey
 * plays WeCom's own side, which no page can: a customer adds a guide (the fake posts the signed,
 * encrypted callback) and a customer group exists. Refuses to run without the fake WeCom.
 *
 *   POST {control}/customers  { userId, state, unionid?, name? } → { externalUserId, status, text }
 *   POST {control}/groups     { name, owner, members: [{ userid, type: 1|2, unionid? }] } → { chatId }
 */
import type http from 'node:http';
import { loadConfig } from '../src/config';
import { LoopbackServer } from '../src/http/loopback-server';
import { createLogger } from '../src/logger';
import { startLoopmall } from '../src/server';
import { readJson } from '../src/wechat/fake-wechat';
import type { FakeGroupMember } from '../src/wecom/fake-wecom-sidebar';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.NODE_ENV === 'production' || !config.WECHAT_FAKE) throw new Error('the WeCom control port needs the fake WeCom (WECHAT_FAKE)');
  const log = createLogger(config.LOG_LEVEL);
  const running = await startLoopmall(config, log);
  const fake = running.fakeWecom!;

  const reply = (res: http.ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const control = new LoopbackServer(async (req, res) => {
    const body = req.method === 'POST' ? await readJson(req) : null;
    if (!body) return reply(res, 400, { error: 'POST a JSON body' });
    try {
      if (req.url === '/customers') {
        const added = await fake.addCustomer({ userId: String(body.userId), state: String(body.state ?? ''), unionid: typeof body.unionid === 'string' ? body.unionid : null, name: typeof body.name === 'string' ? body.name : undefined });
        return reply(res, 200, { externalUserId: added.externalUserId, status: added.status, text: added.text });
      }
      if (req.url === '/groups') {
        const chatId = fake.sidebar.addGroupChat({ name: String(body.name), owner: String(body.owner), members: (body.members ?? []) as FakeGroupMember[] });
        return reply(res, 200, { chatId });
      }
      reply(res, 404, { error: `no ${req.url}` });
    } catch (err) {
      reply(res, 500, { error: err instanceof Error ? err.message : String(err) });
    }
  });
  const controlUrl = await control.start();
  // The line startStorefront waits for (with the control URL beside the storefront's).
  log.info({ url: running.url, controlUrl, database: config.DATABASE_URL ? 'mysql' : 'embedded sqlite' }, 'Loopmall is up');

  const shutdown = () => void Promise.all([control.stop(), running.stop()]).then(() => process.exit(0), () => process.exit(1));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error('Loopmall failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
