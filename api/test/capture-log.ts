/** A real pino logger that keeps its JSON lines, so a test can count what was logged and how. */
import { Writable } from 'node:stream';
import pino from 'pino';

export interface LogLine {
  level: number;
  msg: string;
  err?: { message?: string; stack?: string };
  [key: string]: unknown;
}

export function capturingLogger(level = 'error') {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level }, sink), lines };
}

/** pino's numeric levels. */
export const WARN = 40;
export const ERROR = 50;
