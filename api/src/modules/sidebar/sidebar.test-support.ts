/** Helpers for the sidebar integration tests (not loaded by the app). */
import type { TestApp } from '../../../test/harness';
import { ok } from '../../../test/shopping';

/** A guide's sidebar session through WeCom web login with a code the fake WeCom minted. */
export async function sidebarLogin(app: TestApp, wecomUserId: string): Promise<string> {
  const code = app.fakeWecom!.sidebar.mintLoginCode({ userid: wecomUserId });
  return ok(await app.api.post('/api/sidebar/login', { code })).token;
}

export const put = (app: TestApp, path: string, body: unknown, token?: string) => app.api.call('PUT', path, { body, token });
