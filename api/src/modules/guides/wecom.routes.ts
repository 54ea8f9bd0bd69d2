/**
 * The WeCom callback URL. Not an `api.route`: WeCom speaks signed query parameters and an XML
 * body, and expects a plain-text answer (`success`, or the decrypted echostr for the URL check).
 */
import { z } from 'zod';
import { AppError } from '../../http/app-error';
import type { AppContext } from '../../http/context';
import type { RouteTable } from '../../http/route-table';
import { parseOrThrow } from '../../http/validate';
import type { WecomService } from './wecom.service';

export const WECOM_CALLBACK_PATH = '/api/wecom/callback';
const MAX_BODY = 64 * 1024;

const Signed = z.object({
  msg_signature: z.string().regex(/^[0-9a-f]{40}$/),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().min(1).max(64),
});
const Verify = Signed.extend({ echostr: z.string().min(1).max(1024) });

/** Over the limit: 413, and the shared error handler closes the connection (http/unread-body.ts). */
async function rawBody(ctx: AppContext): Promise<string> {
  // Announced too large: refused before reading a byte; a chunked body is counted as it comes.
  if (Number(ctx.get('content-length')) > MAX_BODY) throw new AppError('PAYLOAD_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new AppError('PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The slow work (the contact change's outbox event) runs after the commit, through the outbox's dispatch. */
export function registerWecomRoutes(router: RouteTable, wecom: WecomService): void {
  router.get(WECOM_CALLBACK_PATH, (ctx: AppContext) => {
    const q = parseOrThrow(Verify, ctx.query, 'query');
    ctx.type = 'text/plain';
    ctx.body = wecom.verifyUrl({ msgSignature: q.msg_signature, timestamp: q.timestamp, nonce: q.nonce, encrypted: q.echostr });
  });
  router.post(WECOM_CALLBACK_PATH, async (ctx: AppContext) => {
    const q = parseOrThrow(Signed, ctx.query, 'query');
    await wecom.accept({ msgSignature: q.msg_signature, timestamp: q.timestamp, nonce: q.nonce }, await rawBody(ctx));
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });
}
