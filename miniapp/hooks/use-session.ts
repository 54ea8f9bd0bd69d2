/**
 * The shopper session as React state: follows every change (login, logout, a token the API
 * rejected), and `login` runs the platform login (wx.login on weapp, the development code on H5)
 * with the one toast for its outcome.
 */
import { useEffect, useState } from 'react';
import type { ShopperSession } from '@common/auth/types';
import { login as platformLogin, onSessionChange, readSession } from '../services/session';
import { messageOf } from '../services/http';
import { toast } from '../utils/toast';

export interface SessionState {
  session: ShopperSession | null;
  /** A login is running (the button shows it and refuses a second tap). */
  busy: boolean;
  /** Logs in; answers whether it worked (a failure has been shown). */
  login: () => Promise<boolean>;
}

export function useSession(): SessionState {
  const [session, setSession] = useState<ShopperSession | null>(readSession);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Catch a change between the first render and this subscription.
    setSession(readSession());
    return onSessionChange(setSession);
  }, []);

  const login = async (): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    try {
      const next = await platformLogin();
      toast(next.isNew ? '欢迎加入 Loopmall' : '登录成功', 'success');
      return true;
    } catch (e) {
      toast(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { session, busy, login };
}
