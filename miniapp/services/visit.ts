/**
 * The visit ping: once a day per shopper, when the app comes to the foreground with a session (or
 * a shopper logs in), POST /api/me/visit records the Beijing day. The server writes at most one
 * row per member and day; the day remembered here spares even the request on later shows.
 */
import Taro from '@tarojs/taro';
import { shanghaiDate } from '@common/membership/shanghai';
import { request } from './http';
import { onSessionChange, readSession } from './token';

const KEY = 'loopmall.visit';

export async function reportVisit(): Promise<void> {
  const session = readSession();
  if (!session) return;
  const mark = `${session.member.id}:${shanghaiDate(new Date())}`;
  try {
    if (Taro.getStorageSync(KEY) === mark) return;
    await request('POST', '/api/me/visit');
    Taro.setStorageSync(KEY, mark);
  } catch {
    // best effort: a page never waits for or fails on the visit ping
  }
}

onSessionChange((s) => {
  if (s) void reportVisit();
});
