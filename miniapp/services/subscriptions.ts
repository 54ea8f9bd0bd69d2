/** Subscribe messages (订阅消息): the templates a member may agree to, and recording their answer. */
import type { SubscribeAnswer, SubscribeKind } from '@common/subscriptions/rules';
import { request } from './http';

export interface SubscriptionsView {
  templates: { kind: SubscribeKind; label: string; templateId: string; available: number }[];
}

export function fetchSubscriptions(): Promise<SubscriptionsView> {
  return request<SubscriptionsView>('GET', '/api/me/subscriptions');
}

export function recordSubscriptions(results: Record<string, SubscribeAnswer>): Promise<SubscriptionsView> {
  return request<SubscriptionsView>('POST', '/api/me/subscriptions', { body: { results } });
}
