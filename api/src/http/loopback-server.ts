/**
 * An HTTP server on a free loopback port: what every fake of an outside service (WeChat, WeChat
 * Pay, WeCom) runs on. stop() closes kept-alive connections too, so a test's teardown never
 * waits for an idle socket.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type LoopbackHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export class LoopbackServer {
  private server: http.Server | null = null;

  constructor(private readonly handler: LoopbackHandler) {}

  /** Listens on 127.0.0.1 at a free port; answers the base URL. */
  async start(): Promise<string> {
    const server = http.createServer((req, res) => void this.handler(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
