/**
 * Where the shopper session lives: device storage, read synchronously so http.ts can attach the
 * token to every request. Kept apart from session.ts so http.ts does not import the login flow.
 */
import Taro from '@tarojs/taro';
import type { ShopperSession } from '@common/auth/types';

const KEY = 'loopmall.session';

type Listener = (session: ShopperSession | null) => void;
const listeners = new Set<Listener>();

export function readSession(): ShopperSession | null {
  try {
    const raw = Taro.getStorageSync(KEY) as ShopperSession | '' | undefined;
    if (!raw || typeof raw !== 'object' || !raw.token) return null;
    if (Date.parse(raw.expiresAt) <= Date.now()) return null;
    return raw;
  } catch {
    return null;
  }
}

export function readToken(): string | null {
  return readSession()?.token ?? null;
}

export function saveSession(session: ShopperSession): void {
  Taro.setStorageSync(KEY, session);
  listeners.forEach((l) => l(session));
}

export function clearSession(): void {
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // storage unavailable: nothing to clear
  }
  listeners.forEach((l) => l(null));
}

/** Called with the new session (or null) whenever it changes; returns the unsubscribe. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
