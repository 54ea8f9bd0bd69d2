/**
 * The fake WeCom's side of the guide's sidebar, speaking the real JSON shapes: web login
 * (auth/getuserinfo: `userid` for a corp member, `openid` for anyone else; 40029 for a code that
 * is unknown, used or older than 5 minutes), the corp and agent JS-SDK tickets (`ticket`,
 * `expires_in`), and customer groups (externalcontact/groupchat/list with `group_chat_list` and
 * `next_cursor`; groupchat/get with `group_chat`; 40050 unknown chat, 60011 a group whose owner is
 * outside the application's permission range). Used by FakeWeCom, which checks tokens first.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { readJson } from '../wechat/fake-wechat';
import type { WebLoginSubject } from './fake-wecom';

const LOGIN_CODE_TTL_MS = 5 * 60_000;
const TICKET_EXPIRES_IN = 7200;

export interface FakeGroupMember {
  userid: string;
  type: 1 | 2;
  unionid?: string;
  joinTime?: number;
  joinScene?: number;
}

interface FakeGroup {
  chatId: string;
  name: string;
  owner: string;
  createTime: number;
  members: FakeGroupMember[];
  admins: string[];
  status: number;
}

type Reply = (body: object) => void;
type Fail = (errcode: number, errmsg: string) => void;

export class FakeWeComSidebar {
  private readonly loginCodes = new Map<string, { who: WebLoginSubject; expiresAt: number; used: boolean }>();
  private readonly groups = new Map<string, FakeGroup>();
  private ticketSeq = 0;
  /** Tickets handed out, by kind (the single-flight tests count them), and the last of each. */
  readonly ticketFetches = { corp: 0, agent: 0 };
  readonly lastTicket = { corp: '', agent: '' };
  /** Delay before a ticket answer, so concurrent callers overlap in tests. */
  ticketDelayMs = 0;
  /** Owners outside the application's customer-contact permission range (their groups give 60011). */
  readonly noPermissionUsers = new Set<string>();

  constructor(private readonly now: () => number) {}

  /** The code WeCom's OAuth redirect gives a corp member (`userid`) or an outsider (`openid`). */
  mintLoginCode(who: WebLoginSubject, ttlMs = LOGIN_CODE_TTL_MS): string {
    const code = randomBytes(16).toString('hex');
    this.loginCodes.set(code, { who, expiresAt: this.now() + ttlMs, used: false });
    return code;
  }

  /** A customer group owned by `owner`; answers its chat id. */
  addGroupChat(input: { name: string; owner: string; members: FakeGroupMember[]; chatId?: string; admins?: string[] }): string {
    const chatId = input.chatId ?? `wr${randomBytes(14).toString('hex')}`;
    const createTime = Math.floor(this.now() / 1000);
    const members = input.members.some((m) => m.userid === input.owner) ? input.members : [{ userid: input.owner, type: 1 as const }, ...input.members];
    this.groups.set(chatId, { chatId, name: input.name, owner: input.owner, createTime, members, admins: input.admins ?? [], status: 0 });
    return chatId;
  }

  updateGroupChat(chatId: string, change: Partial<Pick<FakeGroup, 'name' | 'members' | 'status' | 'owner'>>): void {
    const g = this.groups.get(chatId);
    if (!g) throw new Error(`fake WeCom: no group ${chatId}`);
    Object.assign(g, change);
  }

  /** The group was dismissed: WeCom no longer lists it. */
  dismissGroupChat(chatId: string): void {
    this.groups.delete(chatId);
  }

  /** Answers true when it handled the request. `agent`: the token is the sidebar agent's. */
  async handle(req: http.IncomingMessage, url: URL, agent: boolean, send: Reply, fail: Fail): Promise<boolean> {
    const p = url.pathname;
    if (req.method === 'GET' && (p === '/cgi-bin/auth/getuserinfo' || p === '/cgi-bin/get_jsapi_ticket' || p === '/cgi-bin/ticket/get')) {
      // Web login and JS-SDK tickets belong to an application (agent): the customer-contact secret's token has no agent.
      if (!agent) fail(48002, 'api forbidden');
      else if (p === '/cgi-bin/auth/getuserinfo') this.getUserInfo(url, send, fail);
      else if (p === '/cgi-bin/ticket/get' && url.searchParams.get('type') !== 'agent_config') fail(40058, 'invalid type');
      else await this.ticket(p === '/cgi-bin/get_jsapi_ticket' ? 'corp' : 'agent', send);
      return true;
    }
    if (req.method === 'POST' && p === '/cgi-bin/externalcontact/groupchat/list') this.list(await readJson(req), send, fail);
    else if (req.method === 'POST' && p === '/cgi-bin/externalcontact/groupchat/get') this.get(await readJson(req), send, fail);
    else return false;
    return true;
  }

  private async ticket(kind: 'corp' | 'agent', send: Reply): Promise<void> {
    if (this.ticketDelayMs) await new Promise((r) => setTimeout(r, this.ticketDelayMs));
    this.ticketFetches[kind]++;
    this.lastTicket[kind] = `${kind}-ticket-${++this.ticketSeq}-${randomBytes(8).toString('hex')}`;
    send({ errcode: 0, errmsg: 'ok', ticket: this.lastTicket[kind], expires_in: TICKET_EXPIRES_IN });
  }

  private getUserInfo(url: URL, send: Reply, fail: Fail): void {
    const entry = this.loginCodes.get(url.searchParams.get('code') ?? '');
    if (!entry || entry.used || entry.expiresAt < this.now()) return fail(40029, 'invalid code');
    entry.used = true;
    if ('userid' in entry.who) return send({ errcode: 0, errmsg: 'ok', userid: entry.who.userid });
    send({ errcode: 0, errmsg: 'ok', openid: entry.who.openid });
  }

  private visible(): FakeGroup[] {
    return [...this.groups.values()].filter((g) => !this.noPermissionUsers.has(g.owner));
  }

  private list(b: Record<string, unknown> | null, send: Reply, fail: Fail): void {
    const limit = Number(b?.limit ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return fail(40058, 'invalid limit');
    const start = b?.cursor ? Number.parseInt(String(b.cursor), 36) : 0;
    if (!Number.isInteger(start) || start < 0) return fail(40058, 'invalid cursor');
    const statusFilter = Number(b?.status_filter ?? 0);
    const all = this.visible().filter((g) => statusFilter === 0 || g.status !== 0);
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? (start + limit).toString(36) : '';
    send({ errcode: 0, errmsg: 'ok', group_chat_list: page.map((g) => ({ chat_id: g.chatId, status: g.status })), next_cursor: next });
  }

  private get(b: Record<string, unknown> | null, send: Reply, fail: Fail): void {
    const g = this.groups.get(String(b?.chat_id ?? ''));
    if (!g) return fail(40050, 'chatid not found');
    if (this.noPermissionUsers.has(g.owner)) return fail(60011, 'no privilege to access/modify contact/party/agent');
    send({
      errcode: 0,
      errmsg: 'ok',
      group_chat: {
        chat_id: g.chatId,
        name: g.name,
        owner: g.owner,
        create_time: g.createTime,
        notice: '',
        member_list: g.members.map((m) => ({
          userid: m.userid,
          type: m.type,
          join_time: m.joinTime ?? g.createTime,
          join_scene: m.joinScene ?? 1,
          invitor: { userid: g.owner },
          ...(m.type === 2 && m.unionid ? { unionid: m.unionid } : {}),
        })),
        admin_list: g.admins.map((userid) => ({ userid })),
        member_version: String(g.members.length),
      },
    });
  }
}
