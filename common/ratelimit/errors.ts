/** Error copy of the request-rate limits (api/src/http/rate-limit.ts). Merged into ERROR_MESSAGES (common/errors.ts). */
export const RATE_LIMIT_ERRORS = {
  RATE_LIMITED: '操作太频繁，请稍后再试',
} as const;
