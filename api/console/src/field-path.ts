/** Where an API issue goes on a form (pure: unit-tested without a browser). */

/**
 * `skus.0.priceFen` → ['skus', 0, 'priceYuan']: the API's fen fields renamed to the form's yuan
 * ones; a segment renamed to '' is dropped (the API's `validity.days` is the form's `days`); the
 * part of the request a service may name first (`body.username`) is not part of the form's path.
 */
export function fieldPath(field: string, rename: Record<string, string> = {}): (string | number)[] {
  return field
    .replace(/^(body|query|params)\./, '')
    .split('.')
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : (rename[seg] ?? seg)))
    .filter((seg) => seg !== '');
}
