/**
 * Order numbers: `yyMMdd` (Asia/Shanghai) + 10 digits, e.g. 2606011234567890.
 *
 * The 10 digits are a value of the `order-no` sequence (db/sequence.ts; before issue 19 it was the
 * order row's id, and the sequence starts after the last such id) sent through a keyed permutation
 * of the 32-bit integers (a 4-round balanced Feistel network whose round function is HMAC-SHA256).
 * The sequence never gives a value twice and a permutation is a bijection, so numbers are unique
 * by construction, under any burst, with no retry loop and no "date + random" collision odds.
 * Consecutive values land far apart, so a shopper cannot count the shop's sales from their own
 * order numbers or guess a neighbour's. 2^32 - 1 < 10^10, so the digits always fit.
 *
 * The key is a dedicated constant, not SESSION_SECRET: rotating the session secret must never
 * change the mapping, or a new order could take a number an old order already has.
 */
import { createHmac } from 'node:crypto';

const ORDER_NO_KEY = 'loopmall/order-no/v1:6f1c2a9e5d7b4c30a8e2f91b7d6c5e43';
const ROUNDS = 4;

function roundValue(key: string, round: number, half: number, halfBits: number): number {
  const mac = createHmac('sha256', key).update(`${round}:${half}`).digest();
  // Take the low `halfBits` bits of the first 4 bytes (halfBits <= 16 here).
  return mac.readUInt32BE(0) & ((1 << halfBits) - 1);
}

/**
 * A keyed permutation of [0, 2^(2*halfBits)). Exported with its width so the unit test can check
 * bijectivity exhaustively on a small domain; order numbers use halfBits = 16 (32 bits).
 */
export function feistel(x: number, halfBits = 16, key = ORDER_NO_KEY): number {
  const size = 2 ** (2 * halfBits);
  if (!Number.isInteger(x) || x < 0 || x >= size) throw new RangeError(`feistel input out of range: ${x}`);
  const mask = (1 << halfBits) - 1;
  let left = Math.floor(x / 2 ** halfBits) & mask;
  let right = x & mask;
  for (let r = 0; r < ROUNDS; r++) {
    const next = (left ^ roundValue(key, r, right, halfBits)) & mask;
    left = right;
    right = next;
  }
  return left * 2 ** halfBits + right;
}

/** The inverse permutation (support tools can turn an order number back into its id). */
export function feistelInverse(y: number, halfBits = 16, key = ORDER_NO_KEY): number {
  const mask = (1 << halfBits) - 1;
  let left = Math.floor(y / 2 ** halfBits) & mask;
  let right = y & mask;
  for (let r = ROUNDS - 1; r >= 0; r--) {
    const prev = (right ^ roundValue(key, r, left, halfBits)) & mask;
    right = left;
    left = prev;
  }
  return left * 2 ** halfBits + right;
}

/** yyMMdd of `now` in Asia/Shanghai (UTC+8 all year: China has no daylight saving). */
export function shanghaiDatePrefix(now: Date): string {
  const iso = new Date(now.getTime() + 8 * 3600_000).toISOString();
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/** The order number of sequence value `seq`, for an order created at `now`. */
export function orderNoFor(seq: number, now: Date): string {
  if (!Number.isSafeInteger(seq) || seq < 1 || seq >= 2 ** 32) throw new RangeError(`order sequence value out of range: ${seq}`);
  return shanghaiDatePrefix(now) + String(feistel(seq)).padStart(10, '0');
}

/** The sequence value hidden in an order number (for support tools), or null when the text is not an order number. */
export function sequenceValueOf(orderNo: string): number | null {
  if (!/^\d{16}$/.test(orderNo)) return null;
  const digits = Number(orderNo.slice(6));
  return digits < 2 ** 32 ? feistelInverse(digits) : null;
}
