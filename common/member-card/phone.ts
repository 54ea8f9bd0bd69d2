/**
 * Phone-number rules of the member card: which numbers a card takes, the one canonical form the
 * lookup index hashes (so `+86 138 0013 8000` and `13800138000` find the same member), and the
 * masked form every screen shows. Pure.
 */

/** A mainland China mobile number: 11 digits starting with 1 (what WeChat's purePhoneNumber is for country code 86). */
const MAINLAND = /^1[3-9]\d{9}$/;

/**
 * The canonical 11-digit form of a mainland mobile number, from what a cashier or WeChat gives
 * (spaces, dashes, a leading +86 / 0086 / 86 allowed); null when it is not one.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s-]/g, '');
  const digits = compact.replace(/^(\+86|0086)/, '').replace(/^86(?=1\d{10}$)/, '');
  return MAINLAND.test(digits) ? digits : null;
}

/** `138****8000`: the first 3 and last 4 digits, as WeChat's shipping upload and receipts show it. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
