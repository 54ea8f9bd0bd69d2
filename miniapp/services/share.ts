/**
 * Share tokens in the mini-program. A page opened from a guide's card carries `t=<token>` in its
 * query (a guide's poster code carries it in `scene`: common/attribution/poster-scene); the token
 * is kept as the entry token, reported as a touch once a shopper session exists, and sent with
 * checkout as `shareToken`.
 * The server verifies everything: a forged or expired token is simply ignored there.
 */
import Taro from '@tarojs/taro';
import { tokenFromParams } from '@common/attribution/poster-scene';
import { fetchShareToken } from './guides';
import { request } from './http';
import { onSessionChange, readSession } from './token';

const KEY = 'loopmall.entry';

export interface EntryToken {
  token: string;
  path: string;
  scene?: number;
  groupChatId?: string;
  at: number;
  /** Already reported to the server (for the shopper logged in when it was). */
  reportedFor?: number;
}

export function readEntry(): EntryToken | null {
  try {
    const raw = Taro.getStorageSync(KEY) as EntryToken | '' | undefined;
    return raw && typeof raw === 'object' && raw.token ? raw : null;
  } catch {
    return null;
  }
}

/** The token checkout sends as `shareToken` (the latest card the shopper came in through). */
export function entryShareToken(): string | undefined {
  return readEntry()?.token;
}

function launchScene(): number | undefined {
  try {
    const opts = Taro.getEnterOptionsSync?.() ?? Taro.getLaunchOptionsSync?.();
    return typeof opts?.scene === 'number' && opts.scene >= 1000 && opts.scene <= 9999 ? opts.scene : undefined;
  } catch {
    return undefined;
  }
}

async function report(entry: EntryToken): Promise<void> {
  const session = readSession();
  if (!session || entry.reportedFor === session.member.id) return;
  try {
    await request('POST', '/api/guides/touch', { body: { t: entry.token, path: entry.path.slice(0, 200), scene: entry.scene, groupChatId: entry.groupChatId } });
    Taro.setStorageSync(KEY, { ...entry, reportedFor: session.member.id });
  } catch {
    // a touch is best effort: the page works without it
  }
}

/** Called by a landing page with its route and query. */
export function captureEntry(route: string, params: Record<string, string | undefined>): void {
  const token = tokenFromParams(params);
  if (!token) return;
  const query = Object.entries(params)
    .filter(([k, v]) => v !== undefined && k !== '$taroTimestamp')
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const groupChatId = params.g && /^[A-Za-z0-9_-]{1,64}$/.test(params.g) ? params.g : undefined;
  const entry: EntryToken = { token, path: `/${route.replace(/^\//, '')}${query ? `?${query}` : ''}`, scene: launchScene(), groupChatId, at: Date.now() };
  Taro.setStorageSync(KEY, entry);
  void report(entry);
}

// A shopper who logs in after opening a card: report the touch then.
onSessionChange((s) => {
  const entry = readEntry();
  if (s && entry) void report(entry);
});

let myToken: Promise<string | null> | null = null;

/** The token my own shares carry: a guide's token for a guide, a referral token for a shopper. */
export function myShareToken(): Promise<string | null> {
  if (!readSession()) return Promise.resolve(null);
  myToken ??= fetchShareToken().then(
    (r) => r.token,
    () => {
      myToken = null;
      return null;
    },
  );
  return myToken;
}
onSessionChange(() => {
  myToken = null;
});

/** The share path of a page with my token, e.g. /pages/product/index?id=42&t=… */
export function sharePath(base: string, token: string | null): string {
  return token ? `${base}${base.includes('?') ? '&' : '?'}t=${token}` : base;
}
