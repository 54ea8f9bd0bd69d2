/** The shopper session: stored token, login through the platform's WeChat code, current member. */
import type { MemberDto, ShopperSession } from '@common/auth/types';
import { request } from './http';
import { obtainLoginCode } from './login';
import { clearSession, onSessionChange, readSession, saveSession } from './token';

export { clearSession as logout, onSessionChange, readSession };

/** Runs the platform login and stores the session the API answers. */
export async function login(): Promise<ShopperSession> {
  const code = await obtainLoginCode();
  const session = await request<ShopperSession>('POST', '/api/auth/wechat-login', { body: { code } });
  saveSession(session);
  return session;
}

/** The member behind the stored token (refreshes the stored copy); null when not logged in. */
export async function currentMember(): Promise<MemberDto | null> {
  const session = readSession();
  if (!session) return null;
  const member = await request<MemberDto>('GET', '/api/me');
  const latest = readSession();
  if (latest && latest.token === session.token) saveSession({ ...latest, member });
  return member;
}

/** The stored session, or a fresh one through the platform's silent login. */
export async function ensureSession(): Promise<ShopperSession> {
  return readSession() ?? login();
}
