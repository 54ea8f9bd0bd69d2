/**
 * WeCom (企业微信) server API client for customer contact (客户联系): 「联系我」 contact ways,
 * external contacts, welcome messages and customer groups. Configurable base URL (the tests and
 * development talk to the loopback fake); the token handling is WeComAppApi's (app-api.ts).
 */
import { WeChatUnavailableError } from '../wechat/json-call';
import { WeComAppApi, type WeComAppOptions } from './app-api';

/** `secret` is the customer-contact (客户联系) application's. */
export type WeComClientOptions = WeComAppOptions;

export interface ContactWay {
  configId: string;
  qrCode: string | null;
}

export interface ExternalContact {
  externalUserId: string;
  name: string;
  unionid: string | null;
  /** The corp members (userids) the customer has added (follow_user). */
  followUserIds: string[];
}

export interface WelcomeMessage {
  welcomeCode: string;
  text: string;
  miniprogram: { title: string; picMediaId: string; appid: string; page: string };
}

/** A customer group (客户群) as externalcontact/groupchat/get describes it. */
export interface GroupChat {
  chatId: string;
  name: string;
  /** The owner's WeCom userid (a member of the corp). */
  owner: string;
  createTime: number;
  members: GroupChatMember[];
  adminUserIds: string[];
}

export interface GroupChatMember {
  userid: string;
  /** 1 a corp member, 2 an external contact. */
  type: 1 | 2;
  /** External members only, when the corp and the mini-program share an open-platform account. */
  unionid: string | null;
  joinTime: number;
  joinScene: number;
}

/** The customer-contact (客户联系) application's API. */
export class WeComClient extends WeComAppApi {
  /** externalcontact/add_contact_way, type 1 (one member): scene 1 = mini-program button, 2 = QR code. */
  async addContactWay(input: { scene: 1 | 2; userId: string; state: string }): Promise<ContactWay> {
    const body = await this.authed('/cgi-bin/externalcontact/add_contact_way', { type: 1, scene: input.scene, user: [input.userId], state: input.state.slice(0, 30), skip_verify: true });
    if (typeof body.config_id !== 'string') throw new WeChatUnavailableError('add_contact_way answered without config_id');
    return { configId: body.config_id, qrCode: typeof body.qr_code === 'string' ? body.qr_code : null };
  }

  /** externalcontact/get: the customer's details, with unionid when the corp and the mini-program share an open-platform account. */
  async getExternalContact(externalUserId: string): Promise<ExternalContact> {
    const body = await this.authed(`/cgi-bin/externalcontact/get?external_userid=${encodeURIComponent(externalUserId)}`);
    const c = body.external_contact ?? {};
    const followUserIds = ((body.follow_user ?? []) as { userid?: unknown }[]).flatMap((f) => (typeof f.userid === 'string' ? [f.userid] : []));
    return { externalUserId, name: String(c.name ?? ''), unionid: typeof c.unionid === 'string' && c.unionid ? c.unionid : null, followUserIds };
  }

  /** externalcontact/send_welcome_msg: once per WelcomeCode, within 20 seconds of the add. */
  async sendWelcomeMessage(msg: WelcomeMessage): Promise<void> {
    await this.authed('/cgi-bin/externalcontact/send_welcome_msg', {
      welcome_code: msg.welcomeCode,
      text: { content: msg.text },
      attachments: [{ msgtype: 'miniprogram', miniprogram: { title: msg.miniprogram.title, pic_media_id: msg.miniprogram.picMediaId, appid: msg.miniprogram.appid, page: msg.miniprogram.page } }],
    });
  }

  /** externalcontact/groupchat/list: every group's chat id and status (0 normal, 1-3 owner handover), following next_cursor. */
  async listGroupChats(): Promise<{ chatId: string; status: number }[]> {
    const out: { chatId: string; status: number }[] = [];
    let cursor = '';
    // 1000 is WeCom's page limit; 100 pages is far more groups than one corp's guides own.
    for (let page = 0; page < 100; page++) {
      const body = await this.authed('/cgi-bin/externalcontact/groupchat/list', { status_filter: 0, cursor, limit: 1000 });
      for (const g of (body.group_chat_list ?? []) as { chat_id?: unknown; status?: unknown }[]) {
        if (typeof g.chat_id === 'string') out.push({ chatId: g.chat_id, status: Number(g.status ?? 0) });
      }
      cursor = typeof body.next_cursor === 'string' ? body.next_cursor : '';
      if (!cursor) break;
    }
    return out;
  }

  /** externalcontact/groupchat/get: the group's name, owner and members. */
  async getGroupChat(chatId: string): Promise<GroupChat> {
    const body = await this.authed('/cgi-bin/externalcontact/groupchat/get', { chat_id: chatId, need_name: 0 });
    const g = body.group_chat;
    if (!g || typeof g.chat_id !== 'string') throw new WeChatUnavailableError('groupchat/get answered without group_chat');
    return {
      chatId: g.chat_id,
      name: String(g.name ?? ''),
      owner: String(g.owner ?? ''),
      createTime: Number(g.create_time ?? 0),
      members: ((g.member_list ?? []) as Record<string, unknown>[]).map((m) => ({
        userid: String(m.userid ?? ''),
        type: m.type === 2 ? 2 : 1,
        unionid: typeof m.unionid === 'string' && m.unionid ? m.unionid : null,
        joinTime: Number(m.join_time ?? 0),
        joinScene: Number(m.join_scene ?? 0),
      })),
      adminUserIds: ((g.admin_list ?? []) as { userid?: unknown }[]).map((a) => String(a.userid ?? '')),
    };
  }
}
