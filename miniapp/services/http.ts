/**
 * The one caller of Taro.request in the mini-program. Every response of the Loopmall API is
 * `{ ok: true, data }` or `{ ok: false, code, message, field? }`; `request` answers the data or
 * throws an ApiError whose message is the copy of its code from common/errors.
 */
import Taro from '@tarojs/taro';
import { errorMessage, isErrorCode, type ApiResponse, type ErrorCode } from '@common/errors';
import { API_BASE } from './config';
import { clearSession, readToken } from './token';

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** The offending field for VALIDATION_FAILED, dotted. */
  readonly field?: string;

  constructor(code: ErrorCode, status: number, field?: string) {
    super(errorMessage(code));
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The copy to show for any thrown value. */
export function messageOf(e: unknown): string {
  return isApiError(e) ? e.message : errorMessage('INTERNAL');
}

/** Site-relative image paths ('/assets/…') live on the API server; absolute URLs pass through. */
export function assetUrl(path: string | null | undefined): string {
  if (!path) return '';
  if (path.startsWith('/') && !path.startsWith('//')) return `${API_BASE}${path}`;
  return path;
}

/** The methods wx.request supports (it has no PATCH), so the type refuses what weapp would. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Extra request headers (e.g. Idempotency-Key); they never override Authorization. */
  headers?: Record<string, string>;
  /**
   * Another session's token to send instead of the shopper's (the WeCom sidebar's guide session);
   * its 401 leaves the shopper session alone. `null`: send no token at all.
   */
  bearer?: string | null;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return `${API_BASE}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

function statusCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  // A gateway's own rate limit (no JSON of ours): the same copy as the API's 429.
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  return 'INTERNAL';
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const header: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  const ownSession = options.bearer === undefined;
  const token = ownSession ? readToken() : options.bearer;
  if (token) header.Authorization = `Bearer ${token}`;

  let res: Taro.request.SuccessCallbackResult<ApiResponse<T> | string>;
  try {
    res = await Taro.request({
      url: buildUrl(path, options.query),
      method,
      header,
      data: options.body as Taro.request.Option['data'],
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiError('NETWORK', 0);
  }

  const status = res.statusCode;
  // An expired or revoked token: forget it so the next screen offers login again.
  if (status === 401 && ownSession) clearSession();

  const body = res.data as ApiResponse<T> | string | null | undefined;
  if (body && typeof body === 'object' && 'ok' in body) {
    if (body.ok) return body.data;
    const code = isErrorCode(body.code) ? body.code : statusCode(status);
    throw new ApiError(code, status, body.field);
  }
  // Not our JSON (a proxy page, an empty gateway error).
  throw new ApiError(statusCode(status), status);
}
