/**
 * An oversized body on a kept-alive connection, on a raw socket (node:net) as a client sees it:
 * the server answers 413, says `Connection: close` and really ends the socket, although the rest
 * of the body was never read. Ordinary requests keep their connection for the next one.
 */
import net from 'node:net';
import { startTestApp, type TestApp } from '../../test/harness';
import { NOTIFY_PATH } from '../modules/payments/notify';
import { WECOM_CALLBACK_PATH } from '../modules/guides/wecom.routes';

/** What came back on one socket, and when (ms after sending) the server ended it, or null. */
interface Exchange {
  text: string;
  endedAfterMs: number | null;
}

/** A status line; a pipelined answer starts right after the previous body, not on a new line. */
const STATUS_LINE = /HTTP\/1\.1 (\d{3}) /g;

/**
 * Writes `chunks` on one socket, each after the answer to the one before, and collects the
 * answers until the server ends the socket, or all were answered and it stayed open `settleMs`
 * longer (then `endedAfterMs` is null), or `waitMs` passed.
 */
function exchange(url: string, chunks: (string | Buffer)[], waitMs: number, settleMs: number): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(Number(port), hostname);
    let text = '';
    let done = false;
    const finish = (endedAfterMs: number | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, endedAfterMs });
    };
    const timer = setTimeout(() => finish(null), waitMs);
    socket.on('connect', () => socket.write(chunks[0]));
    let sent = 1;
    socket.on('data', (d) => {
      text += d.toString('latin1');
      const answered = text.match(STATUS_LINE)?.length ?? 0;
      while (sent < chunks.length && answered >= sent) socket.write(chunks[sent++]);
      // All answered: a kept-alive socket should still be open a moment later.
      if (answered === chunks.length) setTimeout(() => finish(null), settleMs);
    });
    // The server's FIN or RST: either way the connection is over.
    socket.on('end', () => finish(Date.now() - started));
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? finish(Date.now() - started) : reject(err)));
  });
}

const statuses = (text: string) => [...text.matchAll(STATUS_LINE)].map((m) => Number(m[1]));

function head(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
}

describe('oversized bodies on a kept-alive socket', () => {
  let app: TestApp;
  beforeAll(async () => {
    // With accept lanes, as production runs: any of these sockets may be taken by a lane, which must
    // give them the HTTP server's own options (half-open, no Nagle) for the endings checked here.
    app = await startTestApp({ ACCEPT_LANES: '8' });
  });
  afterAll(() => app.close());

  const signed = `msg_signature=${'a'.repeat(40)}&timestamp=${Math.floor(Date.now() / 1000)}&nonce=n1`;
  const oversized = [
    ['the WeCom callback (64 kB)', `${WECOM_CALLBACK_PATH}?${signed}`, 'text/xml', 'length'],
    ['the WeCom callback, chunked (64 kB)', `${WECOM_CALLBACK_PATH}?${signed}`, 'text/xml', 'chunked'],
    ['the WeChat Pay notify (JSON, 256 kB)', NOTIFY_PATH, 'application/json', 'length'],
    ['a JSON route (256 kB)', '/api/auth/wechat-login', 'application/json', 'length'],
    ['a JSON route, chunked (256 kB)', '/api/auth/wechat-login', 'application/json', 'chunked'],
  ] as const;

  it.each(oversized)('%s: 413 with Connection: close, and the socket ends at once although the body was not all sent', async (_label, path, type, framing) => {
    // Sends 300 kB (over either limit) of an announced 10 MB, or of an unending chunked body,
    // then waits as a slow uploader would.
    const part = Buffer.alloc(300 * 1024, 0x61);
    const request =
      framing === 'length'
        ? Buffer.concat([Buffer.from(head('POST', path, { 'Content-Type': type, 'Content-Length': 10 * 1024 * 1024 })), part])
        : Buffer.concat([Buffer.from(head('POST', path, { 'Content-Type': type, 'Transfer-Encoding': 'chunked' }) + `${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]);
    const out = await exchange(app.url, [request], 5000, 2000);
    expect({
      statuses: statuses(out.text),
      code: /"code":"(\w+)"/.exec(out.text)?.[1],
      connection: /^connection: (.*)\r$/im.exec(out.text)?.[1].toLowerCase(),
      endedWithin2s: out.endedAfterMs !== null && out.endedAfterMs < 2000,
    }).toEqual({ statuses: [413], code: 'PAYLOAD_TOO_LARGE', connection: 'close', endedWithin2s: true });
  });

  it('a normal WeCom callback and a JSON request keep the connection: a second request on it is answered', async () => {
    const xml = '<xml><Encrypt><![CDATA[abc]]></Encrypt></xml>';
    const wecom = head('POST', `${WECOM_CALLBACK_PATH}?${signed}`, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(xml) }) + xml;
    const json = '{"code":"no-such-code"}';
    const login = head('POST', '/api/auth/wechat-login', { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) }) + json;
    const health = head('GET', '/healthz', {});
    const out = await exchange(app.url, [wecom, login, health], 8000, 300);
    // Refused on their merits (forged signature, unknown code), each answered on the same socket.
    expect(statuses(out.text)).toEqual([403, 400, 200]);
    expect(out.text).not.toMatch(/^connection: close\r$/im);
    expect(out.endedAfterMs).toBeNull();
  });
});
