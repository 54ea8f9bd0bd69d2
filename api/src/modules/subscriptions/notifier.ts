/**
 * Sends one subscribe message per (member, event key), only with a consent, after the event's
 * transaction has committed (callers are outbox handlers). Steps:
 *   1. one transaction: insert the send row (its unique (member, event key) is the "at most once"
 *      claim: a redelivered event or a parallel job inserts nothing) and take one consent
 *      (`available - 1 WHERE available > 0`); no consent → the row says `no_consent`, nothing sent;
 *   2. POST subscribe/send outside any transaction;
 *   3. the row moves from `claimed` to its outcome. When WeChat answered with an errcode (43101
 *      refused or no consent on its side, 40003, 47003 …) it delivered nothing, so the consent
 *      taken in step 1 is given back; with no answer at all (timeout) it may have delivered, so
 *      the consent stays taken. The event is never sent again either way.
 */
import type { DataSource } from 'typeorm';
import { MAX_AVAILABLE, type SubscribeKind } from '@common/subscriptions/rules';
import { isUniqueViolation } from '../../db/errors';
import type { Transactor } from '../../db/transaction';
import type { Logger } from '../../logger';
import { WeChatApiError, type WeChatClient } from '../../wechat/client';
import type { AuthService } from '../auth';
import type { SubscribeTemplates } from './consents';
import { SubscribeConsent, SubscribeSend, type SendStatus } from './subscriptions.entities';

export interface Notice {
  memberId: number;
  kind: SubscribeKind;
  eventKey: string;
  page: string;
  data: Record<string, { value: string }>;
}

export type NoticeOutcome = SendStatus | 'duplicate' | 'disabled';

export class SubscribeNotifier {
  constructor(
    private readonly d: { ds: DataSource; tx: Transactor; wechat: WeChatClient; members: Pick<AuthService, 'membersByIds'>; log: Logger; now: () => Date; templates: SubscribeTemplates },
  ) {}

  async notify(n: Notice): Promise<NoticeOutcome> {
    const templateId = this.d.templates[n.kind];
    if (!templateId) return 'disabled';
    const now = this.d.now();
    let claim: { id: number; status: 'claimed' | 'no_consent' };
    try {
      claim = await this.d.tx.run(async (m) => {
        // The idempotency key: (member, event key) is unique, so only one delivery gets past here.
        const inserted = await m.insert(SubscribeSend, { memberId: n.memberId, eventKey: n.eventKey, kind: n.kind, templateId, status: 'claimed', errcode: null, createdAt: now, sentAt: null });
        const id = Number(inserted.identifiers[0].id);
        // Why conditional: parallel events of one member race for the last consent; one takes it.
        const took = await m
          .createQueryBuilder()
          .update(SubscribeConsent)
          .set({ available: () => 'available - 1', updatedAt: now })
          .where('member_id = :memberId AND template_id = :templateId AND available > 0', { memberId: n.memberId, templateId })
          .execute();
        if (took.affected) return { id, status: 'claimed' as const };
        await m.update(SubscribeSend, { id }, { status: 'no_consent' });
        return { id, status: 'no_consent' as const };
      });
    } catch (err) {
      if (isUniqueViolation(err)) return 'duplicate';
      throw err;
    }
    if (claim.status === 'no_consent') return 'no_consent';
    const [member] = await this.d.members.membersByIds([n.memberId]);
    if (!member) return this.finish(claim.id, n, templateId, 'failed', null, true);
    try {
      await this.d.wechat.sendSubscribeMessage({ touser: member.openid, templateId, page: n.page, data: n.data });
    } catch (err) {
      if (err instanceof WeChatApiError) return this.finish(claim.id, n, templateId, err.errcode === 43101 ? 'refused' : 'failed', err.errcode, true);
      this.d.log.warn({ err, memberId: n.memberId, eventKey: n.eventKey }, 'subscribe message: no answer from WeChat; not sent again');
      return this.finish(claim.id, n, templateId, 'failed', null, false);
    }
    return this.finish(claim.id, n, templateId, 'sent', null, false);
  }

  private async finish(id: number, n: Notice, templateId: string, status: SendStatus, errcode: number | null, giveBack: boolean): Promise<SendStatus> {
    const now = this.d.now();
    await this.d.tx.run(async (m) => {
      // Why conditional: only the claim's own holder finishes it, once; the give-back rides on it.
      const res = await m
        .createQueryBuilder()
        .update(SubscribeSend)
        .set({ status, errcode, sentAt: status === 'sent' ? now : null })
        .where('id = :id AND status = :claimed', { id, claimed: 'claimed' })
        .execute();
      if (!res.affected || !giveBack) return;
      await m
        .createQueryBuilder()
        .update(SubscribeConsent)
        .set({ available: () => 'available + 1', updatedAt: now })
        .where('member_id = :memberId AND template_id = :templateId AND available < :max', { memberId: n.memberId, templateId, max: MAX_AVAILABLE })
        .execute();
    });
    return status;
  }
}
