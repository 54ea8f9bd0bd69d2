/**
 * A TCP proxy on loopback for fault tests: forwards to a real server (MariaDB) until told to
 * break. `breakAll()` resets every open connection and refuses new ones (accepts and resets at
 * once) until `heal()`.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export class FaultProxy {
  private readonly server: net.Server;
  private readonly open = new Set<net.Socket>();
  private broken = false;
  /** Connections accepted (and forwarded) so far. */
  forwarded = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = net.createServer((client) => this.accept(client));
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** Resets every connection now, and every new one until heal(). */
  breakAll(): void {
    this.broken = true;
    for (const s of this.open) s.resetAndDestroy();
    this.open.clear();
  }

  heal(): void {
    this.broken = false;
  }

  async stop(): Promise<void> {
    this.breakAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    if (this.broken) {
      client.resetAndDestroy();
      return;
    }
    this.forwarded++;
    const upstream = net.connect(this.targetPort, this.targetHost);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.open.add(a);
      a.pipe(b);
      // Either side failing or closing takes the pair down, as a broken network would.
      a.on('error', () => b.destroy());
      a.on('close', () => {
        this.open.delete(a);
        b.destroy();
      });
    }
  }
}

/** The same mysql:// URL, pointed at the proxy. */
export function viaProxy(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
}
