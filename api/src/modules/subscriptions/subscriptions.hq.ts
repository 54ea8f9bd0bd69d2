/**
 * HQ's 订阅消息 page: members' consents (sends still allowed per template) and the sends, newest
 * first, one page each on the primary key. Nicknames come through the auth module's port.
 */
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { HQ_WIDE } from '@common/hq/roles';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@common/paging';
import { SUBSCRIBE_KINDS, type SubscribeKind } from '@common/subscriptions/rules';
import type { SubscribeConsentRowDto, SubscribeSendRowDto } from '@common/subscriptions/types';
import { rowsPage, type PageQuery } from '../../db/rows-page';
import type { ApiRouter } from '../../http/api-router';
import { zs } from '../../http/validate';
import type { AuthService } from '../auth';
import type { SubscribeTemplates } from './consents';
import { SubscribeConsent, SubscribeSend } from './subscriptions.entities';

const PageQuerySchema = z.object({ ...zs.paging(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE) });

export class SubscriptionReads {
  constructor(
    private readonly ds: DataSource,
    private readonly members: Pick<AuthService, 'membersByIds'>,
    private readonly templates: SubscribeTemplates,
  ) {}

  private async nicknames(ids: number[]): Promise<Map<number, string>> {
    return new Map((await this.members.membersByIds(ids)).map((m) => [m.id, m.nickname]));
  }

  private kindOf(templateId: string): SubscribeKind | null {
    return SUBSCRIBE_KINDS.find((k) => this.templates[k] === templateId) ?? null;
  }

  consents(q: PageQuery): Promise<Page<SubscribeConsentRowDto>> {
    const qb = this.ds.getRepository(SubscribeConsent).createQueryBuilder('c').orderBy('c.id', 'DESC');
    return rowsPage(qb, q, (l) => l.getMany(), async (rows) => {
      const names = await this.nicknames(rows.map((r) => r.memberId));
      return rows.map((r) => ({
        id: r.id,
        memberId: r.memberId,
        nickname: names.get(r.memberId) ?? '',
        kind: this.kindOf(r.templateId),
        templateId: r.templateId,
        available: r.available,
        updatedAt: new Date(r.updatedAt).toISOString(),
      }));
    });
  }

  sends(q: PageQuery): Promise<Page<SubscribeSendRowDto>> {
    const qb = this.ds.getRepository(SubscribeSend).createQueryBuilder('s').orderBy('s.id', 'DESC');
    return rowsPage(qb, q, (l) => l.getMany(), async (rows) => {
      const names = await this.nicknames(rows.map((r) => r.memberId));
      return rows.map((r) => ({
        id: r.id,
        memberId: r.memberId,
        nickname: names.get(r.memberId) ?? '',
        kind: r.kind,
        eventKey: r.eventKey,
        templateId: r.templateId,
        status: r.status,
        errcode: r.errcode,
        createdAt: new Date(r.createdAt).toISOString(),
        sentAt: r.sentAt ? new Date(r.sentAt).toISOString() : null,
      }));
    });
  }
}

export function registerSubscriptionHqRoutes(api: ApiRouter, reads: SubscriptionReads): void {
  const access = { hq: HQ_WIDE };
  api.route(
    { method: 'get', path: '/api/hq/subscriptions/consents', tag: 'hq', summary: '总部：订阅消息授权记录（每位会员每个模板剩余可发次数；新的在前）', access, query: PageQuerySchema },
    (_c, { query }) => reads.consents(query),
  );
  api.route(
    { method: 'get', path: '/api/hq/subscriptions/sends', tag: 'hq', summary: '总部：订阅消息发送记录（每位会员每个事件至多一条；新的在前）', access, query: PageQuerySchema },
    (_c, { query }) => reads.sends(query),
  );
}
