/**
 * The HQ session in this browser tab: the token from /api/hq/auth/login, kept in sessionStorage
 * (a closed tab logs out). An expired or revoked token is noticed by the API client, which asks
 * for a new login without leaving the page, so a half-filled form is kept.
 */
export interface HqSession {
  token: string;
  expiresAt: string;
  username: string;
  role: string;
}

const KEY = 'loopmall.hq.session';
type Listener = () => void;
const expiredListeners = new Set<Listener>();

const loginWaiters = new Set<Listener>();

/** The session as stored, even past its time: the API decides whether its token still holds. */
export function storedSession(): HqSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as HqSession) : null;
  } catch {
    return null;
  }
}

/** The session if it has not run out by this browser's clock (opening the console needs one). */
export function currentSession(): HqSession | null {
  const s = storedSession();
  return s && Date.parse(s.expiresAt) > Date.now() ? s : null;
}

export function saveSession(s: HqSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(s));
  for (const w of [...loginWaiters]) w();
  loginWaiters.clear();
}

/** Resolves at the next login (the dialog shown when the session expired mid-work). */
export function nextLogin(): Promise<void> {
  return new Promise((resolve) => loginWaiters.add(resolve));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** The API answered 401 for a request made with a token: the session is over. */
export function sessionExpired(): void {
  clearSession();
  for (const l of expiredListeners) l();
}

export function onSessionExpired(l: Listener): () => void {
  expiredListeners.add(l);
  return () => expiredListeners.delete(l);
}
