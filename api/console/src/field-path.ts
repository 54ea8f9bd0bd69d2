/** Where an API issue goes on a form (pure: unit-tested without a browser). */

/**
 * `skus.0.priceFen` → ['skus', 0, 'priceYuan']: the API's fen fields renamed to the form's yuan
 * ones; a segment renamed to '' is dropped (the API's `validity.days` is the form's `days`).
 */
export function fieldPath(field: string, rename: Record<string, string> = {}): (string | number)[] {
  return field
    .split('.')
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : (rename[seg] ?? seg)))
    .filter((seg) => seg !== '');
}
