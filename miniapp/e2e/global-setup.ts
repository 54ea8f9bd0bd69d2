/**
 * Builds the H5 storefront once before the browser journeys (set LOOPMALL_E2E_SKIP_BUILD=1 to
 * reuse an existing dist/h5 while iterating on a journey).
 */
import { taroBuild } from './build';

export default async function globalSetup(): Promise<void> {
  if (process.env.LOOPMALL_E2E_SKIP_BUILD === '1') return;
  const { ms } = taroBuild('h5');
  console.log(`\n[e2e] H5 build: ${(ms / 1000).toFixed(1)} s`);
}
