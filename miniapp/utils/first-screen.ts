/**
 * The H5 index.html comes with 首页's first screen server-rendered by the API
 * (api/src/platform/first-screen.ts): a static block over the page, painted before the app's
 * scripts have loaded. 首页 removes it once it shows its own products (or its empty or error
 * state), in the same frame, so exactly one set of cards is ever on screen; leaving 首页 before
 * that removes it too. A no-op in the mini-program, which has no index.html.
 */
const FIRST_SCREEN_ID = 'first-screen';

export function dropFirstScreen(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.getElementById(FIRST_SCREEN_ID)?.remove();
}
