import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createLogger } from '../logger';
import { addAcceptLanes, type AcceptLanes } from './accept-lanes';

const log = createLogger('silent');
const CLIENTS = 8;

async function listening(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * Opens CLIENTS connections while the loop cannot accept (the kernel completes them meanwhile), then
 * counts the event-loop turns the server needs to take them all. A setImmediate chain numbers the
 * turns: an immediate queued from the check phase runs in the next turn's.
 */
async function turnsToAccept(lanes: number): Promise<{ turns: number; lanes: AcceptLanes; halfOpen: Set<boolean> }> {
  // The options an HTTP server has: a lane must give its sockets the same.
  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (s) => s.on('error', () => undefined));
  const port = await listening(server);
  const added = await addAcceptLanes(server, lanes, log);
  let turn = 0;
  const seenIn: number[] = [];
  const halfOpen = new Set<boolean>();
  const taken: net.Socket[] = [];
  server.on('connection', (socket: net.Socket) => {
    taken.push(socket);
    seenIn.push(turn);
    halfOpen.add(socket.allowHalfOpen);
  });
  const clients = Array.from({ length: CLIENTS }, () => net.connect(port, '127.0.0.1').on('error', () => undefined));
  // Let the connect() calls go out (net defers them by a tick), then keep the loop busy while the
  // kernel finishes every handshake: all CLIENTS now wait in the accept queue at once.
  await new Promise((r) => process.nextTick(r));
  const until = Date.now() + 50;
  while (Date.now() < until);
  let counting = true;
  const count = () => counting && (turn++, setImmediate(count));
  setImmediate(count);
  while (seenIn.length < CLIENTS) await new Promise((r) => setTimeout(r, 5));
  counting = false;
  clients.forEach((c) => c.destroy());
  // Half-open sockets stay open after the client's FIN: end them here, or close() would wait on them.
  taken.forEach((t) => t.destroy());
  await Promise.all([new Promise((r) => server.close(r)), added.close()]);
  return { turns: new Set(seenIn).size, lanes: added, halfOpen };
}

describe('accept lanes', () => {
  it('premise: without lanes this Node takes one new connection per event-loop turn', async () => {
    // If this fails, Node accepts in a loop again (libuv before 1.45) and the lanes are not needed.
    expect((await turnsToAccept(0)).turns).toBe(CLIENTS);
  });

  it('with a lane per waiting connection, one turn takes them all', async () => {
    const { turns, lanes, halfOpen } = await turnsToAccept(CLIENTS);
    expect(lanes.count).toBe(CLIENTS);
    expect(turns).toBe(1);
    // At most one of the 8 came through the server's own socket.
    expect([...halfOpen]).toEqual([true]);
  });

  it('serves requests on the connections the lanes take, and stops accepting on close', async () => {
    const server = http.createServer((req, res) => res.end(`hello ${req.url}`));
    const port = await listening(server);
    const lanes = await addAcceptLanes(server, 4, log);
    expect(lanes.count).toBe(4);
    const get = (path: string) =>
      new Promise<string>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
            let body = '';
            res.on('data', (c) => (body += c)).on('end', () => resolve(body));
          })
          .on('error', reject);
      });
    const paths = Array.from({ length: 20 }, (_, i) => `/${i}`);
    expect(await Promise.all(paths.map(get))).toEqual(paths.map((p) => `hello ${p}`));

    // Kept-alive connections, idle at close, are shut by the HTTP server whichever socket took them.
    const agent = new http.Agent({ keepAlive: true });
    await Promise.all(paths.map((path) => new Promise((r) => http.get({ host: '127.0.0.1', port, path, agent }, (res) => res.resume().on('end', r)))));
    expect(Object.values(agent.freeSockets).flat().length).toBeGreaterThan(1);
    const closed = Promise.all([new Promise((r) => server.close(r)), lanes.close()]);
    server.closeIdleConnections();
    await closed;
    await expect(get('/after')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agent.destroy();
  });

  it('adds nothing to a server that does not listen, or when asked for none', async () => {
    expect((await addAcceptLanes(net.createServer(), 4, log)).count).toBe(0);
    const server = net.createServer();
    await listening(server);
    expect((await addAcceptLanes(server, 0, log)).count).toBe(0);
    await new Promise((r) => server.close(r));
  });
});
