/**
 * Accept lanes: more than one new connection taken per event-loop turn.
 *
 * Since libuv 1.45 (Node 20) a listening socket accepts ONE connection per event-loop turn and
 * relies on epoll reporting it again (libuv pull request 3696, "don't accept() connections in a
 * loop"). Under a burst the API's turns are long (each one runs every request that became ready),
 * so 250 shoppers opening the mini-program at a sell-out are taken at one per turn: traced with
 * strace, accept4 came every 120 ms while the kernel already held the established connections.
 *
 * A lane is a duplicate descriptor of the same listening socket, registered with epoll on its own,
 * so a turn takes one connection per lane. Node cannot duplicate a descriptor itself; passing the
 * socket to a helper process over IPC and back does (SCM_RIGHTS gives the receiver a new
 * descriptor). The helper holds the raw handle without listening on it, so it never takes a
 * connection, and exits at once. Connections a lane takes are served by the same HTTP server.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import type { Logger } from '../logger';

export interface AcceptLanes {
  /** Lanes in use besides the server's own socket (0 when none could be made). */
  readonly count: number;
  /** Stops every lane accepting; resolves once the connections they took have closed. */
  close(): Promise<void>;
}

const NO_LANES: AcceptLanes = { count: 0, close: async () => undefined };

/** The helper: sends each raw handle straight back; it never listens, so it never accepts. */
const HELPER = `process.on('message', (m, h) => process.send('lane', h, () => {}));
process.on('disconnect', () => process.exit(0));`;

/** Waits this long for the helper before the server runs on its own socket alone. */
const HELPER_TIMEOUT_MS = 5_000;

/** Duplicates of `server`'s listening socket, `count` of them, via one short-lived helper process. */
async function duplicates(server: net.Server, count: number): Promise<unknown[]> {
  // The TCP handle itself ("net.Native" over IPC), not the server: a server sent as such is
  // listened on by the receiver, which would then take connections it cannot serve.
  const handle = (server as unknown as { _handle: unknown })._handle;
  const helper = spawn(process.execPath, ['-e', HELPER], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: {} });
  const got: unknown[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer in ${HELPER_TIMEOUT_MS} ms`)), HELPER_TIMEOUT_MS);
      helper.once('error', reject);
      helper.once('exit', (code) => reject(new Error(`helper exited with ${code}`)));
      helper.on('message', (_m, h) => {
        got.push(h);
        if (got.length === count) clearTimeout(timer), resolve();
      });
      for (let i = 0; i < count; i++) helper.send('dup', handle as net.Socket);
    });
    return got;
  } catch (err) {
    for (const h of got) (h as { close?: () => void }).close?.();
    throw err;
  } finally {
    // The helper exits once disconnected; wait for it, so a started server leaves no process behind.
    const exited = new Promise<void>((resolve) => (helper.exitCode !== null || helper.signalCode !== null ? resolve() : helper.once('exit', () => resolve())));
    if (helper.connected) helper.disconnect();
    const killer = setTimeout(() => helper.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(killer);
  }
}

/** What a net.Server applies to each socket it takes (an HTTP server: half-open allowed, no Nagle). */
interface SocketOptions {
  allowHalfOpen: boolean;
  pauseOnConnect: boolean;
  noDelay: boolean;
  keepAlive: boolean;
  /** Seconds, as the server keeps it. */
  keepAliveInitialDelay: number;
  highWaterMark: number;
}

/**
 * Adds `count` accept lanes to a listening HTTP (or net) server. On failure the server keeps
 * working on its own socket and the reason is logged: lanes only make accepting faster.
 */
export async function addAcceptLanes(server: net.Server, count: number, log: Logger): Promise<AcceptLanes> {
  // A descriptor to duplicate: a round-robin cluster worker's server has none (its connections
  // come from the primary), nor has a socket on Windows.
  const handle = (server as unknown as { _handle?: { fd?: unknown } })._handle;
  if (count <= 0 || !server.listening || !(typeof handle?.fd === 'number' && handle.fd >= 0)) return NO_LANES;
  let handles: unknown[];
  try {
    handles = await duplicates(server, count);
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'accept lanes unavailable: new connections are taken one per event-loop turn');
    return NO_LANES;
  }
  // Sockets a lane takes get the server's own options, as if the server had taken them.
  const o = server as unknown as SocketOptions;
  const lanes = handles.map((h) => {
    const lane = net.createServer({
      allowHalfOpen: o.allowHalfOpen,
      pauseOnConnect: o.pauseOnConnect,
      noDelay: o.noDelay,
      keepAlive: o.keepAlive,
      keepAliveInitialDelay: o.keepAliveInitialDelay * 1000,
      highWaterMark: o.highWaterMark,
    });
    // The HTTP server parses, tracks (closeIdleConnections) and times out these sockets like its own.
    lane.on('connection', (socket) => server.emit('connection', socket));
    lane.on('error', (err) => log.warn({ err: err.message }, 'accept lane error'));
    lane.listen(h as net.Socket);
    return lane;
  });
  return {
    count: lanes.length,
    close: () => Promise.all(lanes.map((lane) => new Promise<void>((resolve) => lane.close(() => resolve())))).then(() => undefined),
  };
}
