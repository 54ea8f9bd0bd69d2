/**
 * The mini-program card a guide sends from the sidebar: which page it opens and with what query.
 * WeCom's sendChatMessage wants the page path with the `.html` suffix; the query carries the
 * guide's share token (`t`), the group chat id (`g`, group chats only: the landing pages read it
 * as the touch's groupChatId) and the target (`id`, or `tpl` for a coupon template).
 */
import type { ChatKind, SendTargetKind } from './types';
import { shanghaiDate, shanghaiMidnight } from '../membership/shanghai';

export const CARD_PAGES: Record<SendTargetKind, string> = {
  product: 'pages/product/index',
  campaign: 'packages/groupbuy/campaign/index',
  coupon: 'packages/coupons/center/index',
  newcomer: 'pages/index/index',
};

/** The query key of the group chat id in a card's page path (miniapp/services/share.ts reads it). */
export const CHAT_QUERY_KEY = 'g';
/** WeCom's limit on a mini-program card's title, in UTF-8 bytes. */
export const CARD_TITLE_MAX_BYTES = 64;

export interface CardPageInput {
  kind: SendTargetKind;
  targetId: number | null;
  token: string;
  chatKind: ChatKind;
  chatId: string;
}

export function cardPage(input: CardPageInput): string {
  const q: [string, string][] = [];
  if (input.kind === 'product' || input.kind === 'campaign') q.push(['id', String(input.targetId)]);
  if (input.kind === 'coupon') q.push(['tpl', String(input.targetId)]);
  q.push(['t', input.token]);
  // A one-to-one chat is no group: its external userid must not become a touch's groupChatId.
  if (input.chatKind === 'group') q.push([CHAT_QUERY_KEY, input.chatId]);
  return `${CARD_PAGES[input.kind]}.html?${q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

function utf8Length(ch: string): number {
  const c = ch.codePointAt(0)!;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** The title cut to WeCom's byte limit on a whole character, with `…` when cut. */
export function cardTitle(title: string, maxBytes = CARD_TITLE_MAX_BYTES): string {
  const chars = [...title.trim()];
  if (chars.reduce((n, ch) => n + utf8Length(ch), 0) <= maxBytes) return chars.join('');
  let bytes = utf8Length('…');
  let out = '';
  for (const ch of chars) {
    if (bytes + utf8Length(ch) > maxBytes) break;
    bytes += utf8Length(ch);
    out += ch;
  }
  return `${out}…`;
}

/** This week in Asia/Shanghai: Monday 00:00 (the instant and its day) up to `now`. */
export function weekStart(now: Date): { from: Date; day: string } {
  const today = shanghaiMidnight(shanghaiDate(now));
  // getUTCDay of Shanghai midnight shifted back to the Shanghai wall clock: 0 Sunday … 6 Saturday.
  const weekday = new Date(today.getTime() + 8 * 3600_000).getUTCDay();
  const from = new Date(today.getTime() - ((weekday + 6) % 7) * 24 * 3600_000);
  return { from, day: shanghaiDate(from) };
}
