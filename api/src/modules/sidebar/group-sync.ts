/**
 * Customer groups synced from WeCom: externalcontact/groupchat/list, then groupchat/get for each,
 * stored as wecom_group (+ its members). Runs as the lease job `sidebar.group-sync` and on demand
 * (HQ, through the same lease; the sidebar refreshes one group when it opens it). Every WeCom call
 * happens outside a transaction (a deadlock retry re-runs the work). Running it twice changes
 * nothing the second time: each group's row and member set are written to match WeCom.
 */
import { In, Not, type EntityManager } from 'typeorm';
import type { GroupSyncResult } from '@common/sidebar/types';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import type { Logger } from '../../logger';
import type { GroupChat, WeComClient } from '../../wecom/client';
import { WecomGroup, WecomGroupMember } from './sidebar.entities';

export const GROUP_SYNC_JOB = 'sidebar.group-sync';

export class GroupSync {
  constructor(
    private readonly tx: Transactor,
    private readonly wecom: Pick<WeComClient, 'listGroupChats' | 'getGroupChat'>,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  async syncAll(): Promise<GroupSyncResult> {
    const listed = await this.wecom.listGroupChats();
    const out: GroupSyncResult = { listed: listed.length, added: 0, updated: 0, dismissed: 0 };
    for (const { chatId, status } of listed) {
      let chat: GroupChat;
      try {
        chat = await this.wecom.getGroupChat(chatId);
      } catch (err) {
        // One group WeCom will not describe (60011 after a permission change) must not stop the rest.
        this.log.warn({ err, chatId }, 'groupchat/get failed during the group sync');
        continue;
      }
      const r = await this.store(chat, status);
      if (r === 'added') out.added++;
      else if (r === 'updated') out.updated++;
    }
    const ids = listed.map((g) => g.chatId);
    // Why conditional: a group already marked dismissed is not counted (or touched) again.
    const gone = await this.tx.run((m) =>
      m.update(WecomGroup, { dismissed: false, ...(ids.length ? { chatId: Not(In(ids)) } : {}) }, { dismissed: true, syncedAt: this.now() }),
    );
    out.dismissed = gone.affected ?? 0;
    return out;
  }

  /** Stores what WeCom said of one group: 'added', 'updated' (something changed) or 'same'. */
  store(chat: GroupChat, status = 0): Promise<'added' | 'updated' | 'same'> {
    return this.tx.run(async (m) => {
      const now = this.now();
      const fields = { name: chat.name.slice(0, 100), ownerUserId: chat.owner, status, memberCount: chat.members.length, dismissed: false, wecomCreatedAt: chat.createTime ? new Date(chat.createTime * 1000) : null };
      const existing = await m.findOneBy(WecomGroup, { chatId: chat.chatId });
      let result: 'added' | 'updated' | 'same';
      if (!existing) {
        try {
          await m.insert(WecomGroup, { chatId: chat.chatId, kind: null, ...fields, syncedAt: now, createdAt: now });
          result = 'added';
        } catch (err) {
          // A concurrent sync inserted it first (unique chat_id): fall through to an update.
          if (!isUniqueViolation(err)) throw err;
          await m.update(WecomGroup, { chatId: chat.chatId }, { ...fields, syncedAt: now });
          result = 'updated';
        }
      } else {
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => String(existing[k] ?? '') !== String(fields[k] ?? ''));
        await m.update(WecomGroup, { chatId: chat.chatId }, { ...fields, syncedAt: now });
        result = changed ? 'updated' : 'same';
      }
      const membersChanged = await this.replaceMembers(m, chat);
      return result === 'same' && membersChanged ? 'updated' : result;
    });
  }

  /** Makes the stored member set equal WeCom's; answers whether anything changed. */
  private async replaceMembers(m: EntityManager, chat: GroupChat): Promise<boolean> {
    const rows = await m.findBy(WecomGroupMember, { chatId: chat.chatId });
    const key = (x: { userid: string; type: number; unionid: string | null }) => `${x.userid}|${x.type}|${x.unionid ?? ''}`;
    const before = new Set(rows.map(key));
    const after = new Set(chat.members.map(key));
    if (before.size === after.size && [...before].every((k) => after.has(k))) return false;
    await m.delete(WecomGroupMember, { chatId: chat.chatId });
    if (chat.members.length) {
      await m.insert(
        WecomGroupMember,
        chat.members.map((x) => ({ chatId: chat.chatId, userid: x.userid, type: x.type, unionid: x.unionid, joinedAt: x.joinTime ? new Date(x.joinTime * 1000) : null })),
      );
    }
    return true;
  }
}
