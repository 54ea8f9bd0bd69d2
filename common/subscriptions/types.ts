/** DTOs of HQ's 订阅消息 page: what members agreed to receive and what was sent. */
import type { SubscribeKind } from './rules';

export type SubscribeSendStatusDto = 'claimed' | 'sent' | 'no_consent' | 'refused' | 'failed';

/** One member's consents for one template: sends still allowed. */
export interface SubscribeConsentRowDto {
  id: number;
  memberId: number;
  nickname: string;
  /** null: a template no longer configured. */
  kind: SubscribeKind | null;
  templateId: string;
  available: number;
  updatedAt: string;
}

/** One (member, event) send: at most one per event. */
export interface SubscribeSendRowDto {
  id: number;
  memberId: number;
  nickname: string;
  kind: SubscribeKind;
  eventKey: string;
  templateId: string;
  status: SubscribeSendStatusDto;
  errcode: number | null;
  createdAt: string;
  sentAt: string | null;
}

export const SEND_STATUS_LABELS: Record<SubscribeSendStatusDto, string> = {
  claimed: '发送中',
  sent: '已发送',
  no_consent: '未授权，未发送',
  refused: '微信拒收',
  failed: '发送失败',
};
