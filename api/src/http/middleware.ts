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

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

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

/** Errors from a client going away mid-response are the client's business, not ours. */
export function isClientAbort(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'EPIPE' || code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/** Maps koa/body-parser HTTP errors (413, 415, 400 on bad JSON) to our codes. */
function fromHttpError(err: { status?: number; expose?: boolean }): AppError | null {
  switch (err.status) {
    case 400:
      return new AppError('VALIDATION_FAILED', 'body is not valid JSON', [{ field: 'body', message: '请求体不是合法的 JSON' }]);
    case 404:
      return new AppError('NOT_FOUND');
    case 413:
      return new AppError('PAYLOAD_TOO_LARGE');
    case 415:
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    default:
      return null;
  }
}

export function errorHandler(): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError('NOT_FOUND');
    } catch (raw) {
      if (isClientAbort(raw)) {
        ctx.state.log?.debug({ code: (raw as { code?: string }).code }, 'client went away');
        return;
      }
      const err = raw instanceof AppError ? raw : fromHttpError(raw as { status?: number });
      if (!err) {
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
        ...(first ? { field: first.field, issues: appErr.issues } : {}),
        requestId: ctx.state.requestId,
      };
    }
  };
}
