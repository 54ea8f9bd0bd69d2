/**
 * H5 login (browser tests, WeCom sidebar during development): there is no wx.login, so the API's
 * development-only route asks its fake WeChat server for a code (404 in production).
 */
import { request } from './http';

export async function obtainLoginCode(): Promise<string> {
  const { code } = await request<{ code: string }>('POST', '/api/auth/dev-code', { body: {} });
  return code;
}
