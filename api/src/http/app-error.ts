import type { ErrorCode } from '@common/errors';

/**
 * HTTP status of the platform's own codes. Each module declares the status of its codes in its
 * definition (`errors`); the composition root registers them here (registerErrorStatus). Unlisted
 * codes are 400: a caller mistake unless said otherwise.
 */
export const CORE_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  CONTENT_ENCODING_UNSUPPORTED: 415,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  DB_UNAVAILABLE: 503,
};

/** The collected map: the core's statuses and every registered module's. */
const STATUS: Partial<Record<ErrorCode, number>> = { ...CORE_STATUS };

/** Adds a module's statuses; a code given two different statuses is a programming error. */
export function registerErrorStatus(owner: string, statuses: Partial<Record<ErrorCode, number>>): void {
  for (const [code, status] of Object.entries(statuses) as [ErrorCode, number][]) {
    if (STATUS[code] !== undefined && STATUS[code] !== status) throw new Error(`${owner} gives ${code} status ${status}; it already has ${STATUS[code]}`);
    STATUS[code] = status;
  }
}

function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * The one error type services throw. Throwing inside Transactor.run rolls the writes back;
 * the error middleware turns it into `{ ok:false, code, message }` with the status above.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly issues?: FieldIssue[],
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
    this.status = statusOf(code);
  }
}
