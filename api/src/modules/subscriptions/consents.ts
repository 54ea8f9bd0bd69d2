/**
 * What each member agreed to receive: the answer map of wx.requestSubscribeMessage, recorded as
 * one more allowed send per accepted one-time template.
 */
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { decideConsent, MAX_AVAILABLE, SUBSCRIBE_KIND_LABELS, SUBSCRIBE_KINDS, type SubscribeAnswer, type SubscribeKind } from '@common/subscriptions/rules';
import { ensureRow } from '../../db/ensure-row';
import type { Transactor } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import { SubscribeConsent } from './subscriptions.entities';

/** The template id of each kind (from the config); an empty id means that message is not sent. */
export type SubscribeTemplates = Record<SubscribeKind, string>;

export interface SubscriptionsView {
  /** The templates the mini-program may ask for, with the sends the member has allowed so far. */
  templates: { kind: SubscribeKind; label: string; templateId: string; available: number }[];
}

export class Consents {
  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactor,
    private readonly now: () => Date,
    private readonly templates: SubscribeTemplates,
  ) {}

  async view(memberId: number): Promise<SubscriptionsView> {
    const kinds = SUBSCRIBE_KINDS.filter((k) => this.templates[k] !== '');
    const ids = kinds.map((k) => this.templates[k]);
    const rows = ids.length ? await this.ds.getRepository(SubscribeConsent).findBy({ memberId, templateId: In(ids) }) : [];
    const available = new Map(rows.map((r) => [r.templateId, r.available]));
    return { templates: kinds.map((kind) => ({ kind, label: SUBSCRIBE_KIND_LABELS[kind], templateId: this.templates[kind], available: available.get(this.templates[kind]) ?? 0 })) };
  }

  /** Records one answer map: each `accept` allows one more send of that template. */
  async record(memberId: number, results: Record<string, SubscribeAnswer>): Promise<SubscriptionsView> {
    const { accepted, unknown } = decideConsent(results, Object.values(this.templates));
    if (unknown !== null) throw new AppError('VALIDATION_FAILED', `template ${unknown}`, [{ field: `results.${unknown}`, message: '不支持该订阅消息模板' }]);
    const now = this.now();
    for (const templateId of accepted) {
      await ensureRow(this.tx, SubscribeConsent, { memberId, templateId, available: 0, updatedAt: now });
      // Why conditional: parallel answers each add one (no lost update); the bound keeps the column in range.
      await this.tx.run((m) =>
        m
          .createQueryBuilder()
          .update(SubscribeConsent)
          .set({ available: () => 'available + 1', updatedAt: now })
          .where('member_id = :memberId AND template_id = :templateId AND available < :max', { memberId, templateId, max: MAX_AVAILABLE })
          .execute(),
      );
    }
    return this.view(memberId);
  }
}
