/**
 * Telling faults apart: a shopper who hung up, a database we cannot reach, a body we cannot
 * decode. Each gets its own answer in the error middleware (middleware.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../logger';
import { WeChatApiError, WeChatUnavailableError } from '../wechat/json-call';
import { AppError } from './app-error';

/** Seconds a client is asked to wait (Retry-After) when the database is unreachable or saturated. */
export const DB_RETRY_AFTER_SECONDS = 2;

const SOCKET_GONE = new Set(['EPIPE', 'ECONNRESET', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

type ErrLike = { code?: unknown; type?: unknown; fatal?: unknown; message?: unknown; driverError?: unknown; sqlMessage?: unknown } | null | undefined;

/** The driver's own error when TypeORM wrapped it (QueryFailedError copies its `code` too). */
function driverErrorOf(err: unknown): ErrLike {
  const e = err as ErrLike;
  return (e?.driverError as ErrLike) ?? e;
}

/** True for any error that came from a database driver rather than from a socket of ours. */
function fromDatabase(err: unknown): boolean {
  const e = err as ErrLike;
  const d = driverErrorOf(err);
  return !!e?.driverError || d?.fatal !== undefined || d?.sqlMessage !== undefined || (typeof d?.code === 'string' && d.code.startsWith('SQLITE_'));
}

/**
 * A client abort is an error of the client's own connection: raw-body's "request aborted", or a
 * socket error while that client's socket is gone. A database driver's ECONNRESET is never one
 * (the client is still waiting for an answer).
 */
export function isClientAbort(err: unknown, req?: IncomingMessage): boolean {
  const e = err as ErrLike;
  if (e?.type === 'request.aborted') return true;
  if (typeof e?.code !== 'string' || !SOCKET_GONE.has(e.code) || fromDatabase(err)) return false;
  // The socket, not the request: Node marks a request destroyed as soon as its body has been read.
  return !req || !req.socket || req.socket.destroyed;
}

/**
 * The database cannot serve us right now, through no fault of the request: connection refused,
 * reset or lost (mysql2 marks these `fatal`), connect timeout, the pool's wait queue full, or
 * SQLite still busy after its busy_timeout. Worth a retry, so a 503 rather than a 500.
 */
export function isDbUnavailable(err: unknown): boolean {
  const d = driverErrorOf(err);
  if (!d) return false;
  if (isPoolQueueFull(err)) return true;
  if (typeof d.code !== 'string') return false;
  if (d.code === 'SQLITE_BUSY' || d.code.startsWith('SQLITE_BUSY_')) return true;
  return d.fatal === true || d.code === 'ER_CON_COUNT_ERROR';
}

/** mysql2's pool wait queue (DB_POOL_QUEUE_LIMIT) is full: expected overload, such as a flash sale's opening second. */
export function isPoolQueueFull(err: unknown): boolean {
  return driverErrorOf(err)?.message === 'Queue limit reached.';
}

/**
 * WeChat or WeCom failed or refused a call a route made on the caller's behalf (network, busy,
 * an errcode the feature did not map itself): a bad gateway with Chinese copy, never a 500.
 */
export function fromUpstreamError(err: unknown): AppError | null {
  if (err instanceof WeChatApiError) return new AppError('WECHAT_UNAVAILABLE', `errcode ${err.errcode}: ${err.errmsg}`);
  if (err instanceof WeChatUnavailableError) return new AppError('WECHAT_UNAVAILABLE', err.message);
  return null;
}

/**
 * Maps HTTP-ish errors from Koa and the body parser to our codes (null when it is none of them).
 * zlib errors (a body announced as gzip, deflate or br that is not) carry no HTTP status and
 * would otherwise be a 500.
 */
export function fromHttpError(err: unknown): AppError | null {
  const e = err as { status?: number; message?: string; errno?: unknown; code?: string } | null;
  switch (e?.status) {
    case 400:
      return new AppError('VALIDATION_FAILED', 'body is not valid JSON', [{ field: 'body', message: '请求体不是合法的 JSON' }]);
    case 404:
      return new AppError('NOT_FOUND');
    case 413:
      return new AppError('PAYLOAD_TOO_LARGE');
    case 415:
      return /content-encoding/i.test(e.message ?? '') ? new AppError('CONTENT_ENCODING_UNSUPPORTED', e.message) : new AppError('UNSUPPORTED_MEDIA_TYPE');
    case undefined:
      // zlib: Z_DATA_ERROR, Z_BUF_ERROR, ERR__ERROR_FORMAT_PADDING_1 (brotli) …, always with an errno.
      return typeof e?.errno === 'number' && /^(Z_|ERR__)/.test(e.code ?? '') ? new AppError('BODY_ENCODING_INVALID', e.code) : null;
    default:
      return null;
  }
}

/** The body parser's onError: our code, or the error as it came (an aborted upload stays a client abort). */
export function bodyParseError(err: unknown): unknown {
  return (err as ErrLike)?.type === 'request.aborted' ? err : (fromHttpError(err) ?? err);
}

/**
 * Logs a recurring fault once per burst: the first occurrence at once, then at most one line
 * per `windowMs` saying how many more were seen meanwhile.
 */
export class BurstLog {
  private lastAt = -Infinity;
  private suppressed = 0;

  constructor(
    private readonly windowMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Calls `write(suppressedSinceLast)` when a line is due; counts the occurrence otherwise. */
  hit(write: (suppressed: number) => void): void {
    const now = this.nowMs();
    if (now - this.lastAt < this.windowMs) {
      this.suppressed++;
      return;
    }
    write(this.suppressed);
    this.lastAt = now;
    this.suppressed = 0;
  }
}

/**
 * The log of 503 DB_UNAVAILABLE answers: one line per 10 s burst of each kind. A full pool queue is
 * expected overload, answered as designed (warn, no stack trace); an unreachable database is a
 * fault worth the driver's error (error level).
 */
export class DbUnavailableLog {
  private readonly queueFull: BurstLog;
  private readonly unreachable: BurstLog;

  constructor(windowMs = 10_000, nowMs: () => number = Date.now) {
    this.queueFull = new BurstLog(windowMs, nowMs);
    this.unreachable = new BurstLog(windowMs, nowMs);
  }

  note(log: Logger, err: unknown): void {
    if (isPoolQueueFull(err)) this.queueFull.hit((suppressed) => log.warn({ suppressed }, 'database pool queue full: answering 503'));
    else this.unreachable.hit((suppressed) => log.error({ err, suppressed }, 'database unavailable: answering 503'));
  }
}
