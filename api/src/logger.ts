import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; request handlers log through ctx.state.log, which carries the request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'loopmall-api' },
    redact: { paths: ['req.headers.authorization', 'password', 'token', 'session_key'], remove: true },
  });
}
