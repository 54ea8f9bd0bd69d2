/**
 * What the audit log keeps of a value: the same JSON with secrets replaced, so 操作日志 never
 * shows a password, a hash, a token or a key. Pure; the API records its result.
 */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets wherever they appear (case-insensitive, whole key or suffix). */
const SECRET_KEY = /(password|passwordhash|hash|secret|token|apikey|privatekey|idempotencykey|fullphone)$/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 12) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : redact(v, depth + 1);
    return out;
  }
  return value;
}
