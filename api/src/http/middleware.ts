/**
 * Cross-cutting middleware: request ids and access logs, and the one error mapper.
 * Every failure leaves as `{ ok:false, code, message }`; no stack trace ever reaches a client.
 */
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { ERROR_MESSAGES } from '@common/errors';
import type { Logger } from '../logger';
import { AppError } from './app-error';
import type { AppState } from './context';
import { DB_RETRY_AFTER_SECONDS, DbUnavailableLog, fromHttpError, fromUpstreamError, isClientAbort, isDbUnavailable } from './faults';
import { closeIfBodyUnread } from './unread-body';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const MAX_ISSUES = 20;

export function requestContext(log: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    // Reuse a proxy's id when it looks sane, so one request can be followed across hops.
    const incoming = ctx.get('x-request-id');
    const requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = log.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (!ctx.path.startsWith('/static/')) {
        ctx.state.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
      }
    }
  };
}

export function errorHandler(): Middleware<AppState> {
  // An unreachable database (or a full pool queue) fails every request at once: one log line per burst, not per request.
  const dbDown = new DbUnavailableLog();
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError('NOT_FOUND');
    } catch (raw) {
      if (isClientAbort(raw, ctx.req)) {
        ctx.state.log?.debug({ code: (raw as { code?: string }).code }, 'client went away');
        return;
      }
      let err = raw instanceof AppError ? raw : (fromHttpError(raw) ?? fromUpstreamError(raw));
      if (!err && isDbUnavailable(raw)) {
        err = new AppError('DB_UNAVAILABLE');
        ctx.set('Retry-After', String(DB_RETRY_AFTER_SECONDS));
        dbDown.note(ctx.state.log, raw);
      } else if (!err) {
        ctx.state.log.error({ err: raw }, 'unhandled error');
      } else if (err.status >= 500) {
        ctx.state.log.error({ err: raw, code: err.code }, 'request failed');
      }
      const appErr = err ?? new AppError('INTERNAL');
      const first = appErr.issues?.[0];
      ctx.status = appErr.status;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        ok: false,
        code: appErr.code,
        message: first ? `${ERROR_MESSAGES[appErr.code]}：${first.field} ${first.message}` : ERROR_MESSAGES[appErr.code],
        // A body of 20,000 unknown keys gets a short answer, not one issue per key.
        ...(first ? { field: first.field, issues: appErr.issues!.slice(0, MAX_ISSUES) } : {}),
        requestId: ctx.state.requestId,
      };
    }
    closeIfBodyUnread(ctx);
  };
}
