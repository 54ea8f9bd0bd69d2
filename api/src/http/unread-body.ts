/**
 * An answer given before the request body was all received (413 over a limit, or any refusal
 * made without reading an upload) closes the connection. Otherwise the unread rest of the body
 * stays in the socket: a paused body hangs the kept-alive connection until its timeout, and the
 * next request on it is never read. One rule for every route, whoever reads the body (the JSON
 * parser, the WeChat Pay notify through it, the WeCom callback's own reader).
 */
import type { ParameterizedContext } from 'koa';

/**
 * Call once the answer is decided. `Connection: close` makes Node end the socket right after
 * the response (it sends FIN and then destroys the socket), whether or not the body was
 * consumed. A body that fully arrived, read or not, keeps the connection.
 */
export function closeIfBodyUnread(ctx: ParameterizedContext): void {
  if (ctx.req.complete || ctx.headerSent) return;
  ctx.set('Connection', 'close');
}
