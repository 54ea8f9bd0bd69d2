/** Telling faults apart, with the errors the real libraries throw (zlib, mysql2, better-sqlite3). */
import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import mysql from 'mysql2';
import { QueryFailedError } from 'typeorm';
import { capturingLogger, ERROR, WARN } from '../../test/capture-log';
import { BurstLog, DbUnavailableLog, fromHttpError, isClientAbort, isDbUnavailable } from './faults';

// A request whose body has been read is `destroyed` in Node; only its socket says whether the client is there.
const socket = (destroyed: boolean) => ({ destroyed: true, socket: { destroyed } }) as unknown as IncomingMessage;

/** The error mysql2 gives when nothing listens where the database should be. */
function mysqlRefused(): Promise<Error & { code: string; fatal?: boolean }> {
  return new Promise((resolve) => {
    const conn = mysql.createConnection({ host: '127.0.0.1', port: 1, connectTimeout: 2000 });
    conn.on('error', (err) => resolve(err as Error & { code: string }));
  });
}

describe('database faults', () => {
  it('takes a refused, reset or lost connection for an unavailable database, wrapped by TypeORM or not', async () => {
    const refused = await mysqlRefused();
    expect(refused.code).toBe('ECONNREFUSED');
    expect(isDbUnavailable(refused)).toBe(true);
    const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true });
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read', fatal: true });
    for (const err of [lost, reset]) {
      expect(isDbUnavailable(err)).toBe(true);
      expect(isDbUnavailable(new QueryFailedError('INSERT …', [], err))).toBe(true);
    }
    expect(isDbUnavailable(new Error('Queue limit reached.'))).toBe(true);
    expect(isDbUnavailable(new Database.SqliteError('database is locked', 'SQLITE_BUSY'))).toBe(true);
  });

  it('does not take query errors, constraint errors or our own bugs for an outage', () => {
    const dup = Object.assign(new Error("Duplicate entry '1' for key 'PRIMARY'"), { code: 'ER_DUP_ENTRY', errno: 1062, sqlMessage: 'Duplicate entry', fatal: false });
    expect(isDbUnavailable(new QueryFailedError('INSERT …', [], dup))).toBe(false);
    expect(isDbUnavailable(new Database.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isDbUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDbUnavailable(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(false);
  });
});

describe('client aborts', () => {
  it('is only an error of the client socket, and only once that socket is gone', () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(isClientAbort(epipe, socket(true))).toBe(true);
    expect(isClientAbort(epipe, socket(false))).toBe(false);
    expect(isClientAbort(Object.assign(new Error('request aborted'), { code: 'ECONNABORTED', type: 'request.aborted', status: 400 }), socket(false))).toBe(true);
  });

  it('never takes a database driver reset for a client abort, even when the client has gone too', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', fatal: true });
    expect(isClientAbort(reset, socket(true))).toBe(false);
    expect(isClientAbort(new QueryFailedError('SELECT 1', [], reset), socket(true))).toBe(false);
    expect(isClientAbort(Object.assign(new Error('lost'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }), socket(true))).toBe(false);
  });
});

describe('body decoding errors', () => {
  it.each([
    ['gzip', () => zlib.gunzipSync(Buffer.from('{"a":1}'))],
    ['deflate', () => zlib.inflateSync(Buffer.from('{"a":1}'))],
    ['br', () => zlib.brotliDecompressSync(Buffer.from('{"a":1}'))],
  ])('maps a %s decoding error (no HTTP status) to BODY_ENCODING_INVALID', (_name, decode) => {
    let caught: unknown;
    try {
      decode();
    } catch (err) {
      caught = err;
    }
    expect(fromHttpError(caught)?.code).toBe('BODY_ENCODING_INVALID');
  });

  it('leaves other status-less errors alone, and tells an unknown encoding from a wrong media type', () => {
    expect(fromHttpError(new TypeError('boom'))).toBeNull();
    expect(fromHttpError(Object.assign(new Error('Unsupported Content-Encoding: x-snappy'), { status: 415 }))?.code).toBe('CONTENT_ENCODING_UNSUPPORTED');
    expect(fromHttpError(Object.assign(new Error('Unsupported Media Type'), { status: 415 }))?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('BurstLog', () => {
  it('writes the first fault of a burst, then one line per window with the count it held back', () => {
    let now = 0;
    const written: number[] = [];
    const burst = new BurstLog(10_000, () => now);
    for (let i = 0; i < 50; i++) {
      burst.hit((suppressed) => written.push(suppressed));
      now += 100;
    }
    // 50 hits over 5 s: one line. The next window starts a new line counting the 49 held back.
    expect(written).toEqual([0]);
    now = 20_000;
    burst.hit((suppressed) => written.push(suppressed));
    expect(written).toEqual([0, 49]);
  });
});

describe('DbUnavailableLog', () => {
  it('logs a full pool queue at warn without the error, an unreachable database at error with it, each once per burst', () => {
    let now = 0;
    const { log, lines } = capturingLogger('warn');
    const dbLog = new DbUnavailableLog(10_000, () => now);
    const queueFull = new QueryFailedError('SELECT 1', [], new Error('Queue limit reached.'));
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', fatal: true });
    for (let i = 0; i < 20; i++) {
      dbLog.note(log, queueFull);
      dbLog.note(log, reset);
      now += 100;
    }
    expect(lines.map((l) => [l.level, l.msg, l.suppressed, l.err?.message])).toEqual([
      [WARN, 'database pool queue full: answering 503', 0, undefined],
      [ERROR, 'database unavailable: answering 503', 0, 'read ECONNRESET'],
    ]);
    now = 20_000;
    dbLog.note(log, queueFull);
    expect(lines.at(-1)).toMatchObject({ level: WARN, suppressed: 19 });
  });
});
