/**
 * Token buckets: the pure rule of the request-rate limits. A bucket holds up to `capacity`
 * tokens and gains `refillPerSecond` of them each second; a request takes one. The API keeps the
 * state in Redis (the same arithmetic in a Lua script, api/src/platform/rate-limit-store.ts) or in
 * memory; this function is the in-memory one and the reference the script is tested against.
 */

export interface BucketLimit {
  capacity: number;
  refillPerSecond: number;
}

/** A bucket's level at `at` (ms since the epoch). */
export interface BucketState {
  tokens: number;
  at: number;
}

export type TakeDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** The level of `state` at `nowMs`: refilled up to capacity; a clock that stepped back refills nothing. */
export function refill(state: BucketState | undefined, limit: BucketLimit, nowMs: number): BucketState {
  if (!state) return { tokens: limit.capacity, at: nowMs };
  const elapsed = Math.max(0, nowMs - state.at);
  return { tokens: Math.min(limit.capacity, state.tokens + (elapsed * limit.refillPerSecond) / 1000), at: Math.max(nowMs, state.at) };
}

/**
 * Takes one token from every bucket, or from none: a request refused by one bucket (the
 * address's) spends nothing from the others (the member's). Returns the new states to store and
 * the decision; when refused, how long until every bucket has a token again.
 */
export function takeAll(states: readonly (BucketState | undefined)[], limits: readonly BucketLimit[], nowMs: number): { decision: TakeDecision; states: BucketState[] } {
  const levels = limits.map((limit, i) => refill(states[i], limit, nowMs));
  const waitMs = Math.max(0, ...levels.map((s, i) => (s.tokens >= 1 ? 0 : ((1 - s.tokens) * 1000) / limits[i].refillPerSecond)));
  // Refused: the stored levels stay as they were (a later refill from them gives the same level,
  // and refilling in one step rather than several keeps Redis and memory equal to the last bit).
  if (waitMs > 0) return { decision: { ok: false, retryAfterMs: Math.ceil(waitMs) }, states: levels.map((s, i) => states[i] ?? s) };
  return { decision: { ok: true }, states: levels.map((s) => ({ tokens: s.tokens - 1, at: s.at })) };
}

/** How long an idle bucket takes to fill up again: after that its state is the same as none. */
export function fullAfterMs(state: BucketState, limit: BucketLimit): number {
  return Math.ceil(((limit.capacity - state.tokens) * 1000) / limit.refillPerSecond);
}

/** `capacity/refillPerSecond` (e.g. `20/0.5`), or `off`; null when the text is neither. */
export function parseLimit(text: string): BucketLimit | 'off' | null {
  if (text.trim() === 'off') return 'off';
  const m = /^\s*(\d{1,7})\s*\/\s*(\d{1,7}(?:\.\d{1,6})?)\s*$/.exec(text);
  if (!m) return null;
  const capacity = Number(m[1]);
  const refillPerSecond = Number(m[2]);
  return capacity >= 1 && refillPerSecond > 0 ? { capacity, refillPerSecond } : null;
}
