/**
 * WeCom customer contact: 「联系我」 contact ways per guide, and the change_external_contact
 * callback. The callback path only verifies, decrypts, records the event once (unique dedup key)
 * and enqueues it, then answers `success` — well inside WeCom's 5 seconds. Linking the contact to
 * a shopper (unionid via externalcontact/get, else the shopper's tap on the add button within the
 * window), binding, and the welcome message run after the reply, in an outbox handler.
 */
import { beijingDay } from '@common/metrics/period';
import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { Logger } from '../../logger';
import { WeChatApiError } from '../../wechat/client';
import { type CallbackKeys, openEnvelope, type SignedParts, xmlFields } from '../../wecom/callback-crypto';
import type { WeComClient } from '../../wecom/client';
import type { AuthService } from '../auth';
import type { Outbox } from '../outbox';
import { applySignal } from './bindings';
import { Guide, GuideAddTap, GuideBinding, GuidePrompt, WecomContact, WecomEvent } from './guides.entities';
import type { RuleSets } from './rule-sets';
import type { ShareTokens } from '../share';

export interface WecomSettings {
  keys: CallbackKeys;
  appid: string;
  welcomePicMediaId: string;
}

const HANDLED = new Set(['add_external_contact', 'del_follow_user']);

export class WecomService {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly outbox: Outbox,
    private readonly client: WeComClient,
    private readonly shareTokens: ShareTokens,
    private readonly rules: RuleSets,
    private readonly settings: WecomSettings,
    private readonly log: Logger,
    private readonly now: () => Date,
    /** Finds a member by unionid (the auth module owns members). */
    private readonly members: Pick<AuthService, 'memberIdByUnionid'>,
  ) {}

  subscribe(): void {
    this.outbox.subscribe('WecomContactChanged', 'guides.wecom.contact', (p) => this.process(p.wecomEventId));
  }

  /** The URL-verification GET: answers the decrypted echostr. */
  verifyUrl(p: SignedParts): string {
    const opened = openEnvelope(this.settings.keys, p, this.now().getTime());
    if (!opened.ok) throw new AppError('WECOM_CALLBACK_REJECTED', opened.reason);
    return opened.message;
  }

  /** A callback POST; answers whether new work was queued (false for a duplicate or an ignored event). */
  async accept(p: Omit<SignedParts, 'encrypted'>, body: string): Promise<boolean> {
    const encrypted = xmlFields(body).Encrypt;
    if (!encrypted) throw new AppError('WECOM_CALLBACK_REJECTED', 'no Encrypt');
    const opened = openEnvelope(this.settings.keys, { ...p, encrypted }, this.now().getTime());
    if (!opened.ok) throw new AppError('WECOM_CALLBACK_REJECTED', opened.reason);
    const f = xmlFields(opened.message);
    if (f.Event !== 'change_external_contact' || !HANDLED.has(f.ChangeType) || !f.UserID || !f.ExternalUserID) return false;
    const dedupKey = `${f.ChangeType}:${f.UserID}:${f.ExternalUserID}:${f.CreateTime ?? ''}`.slice(0, 191);
    try {
      return await this.tx.run(async (m) => {
        // Unique dedup key: WeCom's retries and replays of one event are recorded once.
        const ins = await m.insert(WecomEvent, { dedupKey, changeType: f.ChangeType, payload: JSON.stringify(f), createdAt: this.now() });
        await this.outbox.enqueue(m, 'WecomContactChanged', String(ins.identifiers[0].id), { wecomEventId: Number(ins.identifiers[0].id) });
        return true;
      });
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** The slow part, after the reply. Safe to run again (every write is keyed or conditional). */
  async process(wecomEventId: number): Promise<void> {
    const ev = await this.ds.manager.findOneBy(WecomEvent, { id: wecomEventId });
    if (!ev) return;
    const f = JSON.parse(ev.payload) as Record<string, string>;
    const guide = await this.ds.manager.findOneBy(Guide, { wecomUserId: f.UserID });
    if (!guide) return;
    if (f.ChangeType === 'del_follow_user') return this.deleted(guide, f.ExternalUserID);
    const at = f.CreateTime ? new Date(Number(f.CreateTime) * 1000) : ev.createdAt;
    const member = await this.findShopper(guide.id, f.ExternalUserID, at);
    await this.tx.run(async (m) => {
      const existing = await m.findOneBy(WecomContact, { guideId: guide.id, externalUserId: f.ExternalUserID });
      const prompt = member ? await m.findOneBy(GuidePrompt, { memberId: member.memberId }) : null;
      const afterFirstPurchase = !!prompt && prompt.shownAt.getTime() <= at.getTime();
      if (!existing) {
        await m.insert(WecomContact, {
          guideId: guide.id,
          externalUserId: f.ExternalUserID,
          memberId: member?.memberId ?? null,
          state: f.State ? f.State.slice(0, 30) : null,
          status: 'added',
          linkedBy: member?.by ?? null,
          afterFirstPurchase,
          addedAt: at,
          deletedAt: null,
        });
      } else if (existing.status === 'deleted') {
        await m.update(WecomContact, { id: existing.id, status: 'deleted' }, { status: 'added', addedAt: at, deletedAt: null, memberId: existing.memberId ?? member?.memberId ?? null });
      }
      if (member) await applySignal(m, member.memberId, { kind: 'wecom_add', guideId: guide.id, at }, await this.rules.current(m), this.now());
      // A new or renewed contact of a known member (a redelivered callback finds it added and publishes nothing).
      const linked = !existing ? member?.memberId : existing.status === 'deleted' ? (existing.memberId ?? member?.memberId) : undefined;
      if (linked) await this.outbox.enqueue(m, 'WecomContactAdded', `${guide.id}:${linked}`, { memberId: linked, guideId: guide.id, day: beijingDay(at) });
    });
    if (f.WelcomeCode) await this.welcome(f.WelcomeCode, guide);
  }

  private async findShopper(guideId: number, externalUserId: string, at: Date): Promise<{ memberId: number; by: 'unionid' | 'tap' } | null> {
    const contact = await this.client.getExternalContact(externalUserId).catch((err) => {
      // 84061: no relation any more (deleted meanwhile); fall back to the tap.
      if (err instanceof WeChatApiError) return null;
      throw err;
    });
    if (contact?.unionid) {
      const memberId = await this.members.memberIdByUnionid(contact.unionid);
      if (memberId) return { memberId, by: 'unionid' };
    }
    const windowMs = (await this.rules.current()).addTapWindowMinutes * 60_000;
    const tap = await this.ds
      .getRepository(GuideAddTap)
      .createQueryBuilder('t')
      .where('t.guide_id = :g AND t.created_at >= :from AND t.created_at <= :to', { g: guideId, from: new Date(at.getTime() - windowMs), to: new Date(at.getTime() + 60_000) })
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .getOne();
    return tap ? { memberId: tap.memberId, by: 'tap' } : null;
  }

  private async deleted(guide: Guide, externalUserId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const c = await m.findOneBy(WecomContact, { guideId: guide.id, externalUserId });
      if (!c || c.status === 'deleted') return;
      await m.update(WecomContact, { id: c.id, status: 'added' }, { status: 'deleted', deletedAt: this.now() });
      // No longer a WeCom contact: the binding stays, but from now on it is protected like a card's.
      if (c.memberId) await m.update(GuideBinding, { memberId: c.memberId, guideId: guide.id, source: 'wecom' }, { source: 'touch' });
    });
  }

  private async welcome(welcomeCode: string, guide: Guide): Promise<void> {
    const token = this.shareTokens.sign({ kind: 'guide', id: guide.id });
    try {
      await this.client.sendWelcomeMessage({
        welcomeCode,
        text: `您好，我是您的专属导购${guide.name}，有任何问题随时找我～`,
        miniprogram: { title: '逛逛店里的好物', picMediaId: this.settings.welcomePicMediaId, appid: this.settings.appid, page: `pages/index/index.html?t=${token}` },
      });
    } catch (err) {
      // 41051: the code was used (a rerun after the send) or expired (20 s): nothing more to do.
      if (err instanceof WeChatApiError && err.errcode === 41051) return this.log.warn({ errcode: err.errcode }, 'welcome code no longer usable');
      throw err;
    }
  }

  /** Creates the guide's 「联系我」 ways: scene 1 for the mini-program button, scene 2 for the QR code. */
  async createContactWays(guideId: number): Promise<Guide> {
    const g = await this.ds.manager.findOneBy(Guide, { id: guideId });
    if (!g) throw new AppError('GUIDE_NOT_FOUND');
    const state = `g${g.id}`;
    const button = g.contactConfigId ? null : await this.client.addContactWay({ scene: 1, userId: g.wecomUserId, state });
    const qr = g.qrConfigId ? null : await this.client.addContactWay({ scene: 2, userId: g.wecomUserId, state });
    const set = { ...(button ? { contactConfigId: button.configId } : {}), ...(qr ? { qrConfigId: qr.configId, qrCodeUrl: qr.qrCode } : {}) };
    if (Object.keys(set).length) await this.tx.run((m) => m.update(Guide, { id: g.id }, set));
    return { ...g, ...set };
  }
}
