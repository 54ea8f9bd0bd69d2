/**
 * A category the home page asked the category tab to open. Tab pages cannot receive a query
 * (switchTab drops it), so the intent waits here until the category page shows.
 */
let pending: number | null = null;

export function rememberCategory(id: number): void {
  pending = id;
}

/** The pending category id, once. */
export function takeRememberedCategory(): number | null {
  const id = pending;
  pending = null;
  return id;
}
