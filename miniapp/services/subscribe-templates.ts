/**
 * The template ids of the subscribe messages, fetched ahead of any tap: wx.requestSubscribeMessage
 * must be called straight from a tap, with no request awaited before it.
 */
import { SUBSCRIBE_ANSWERS, type SubscribeAnswer, type SubscribeKind } from '@common/subscriptions/rules';
import { fetchSubscriptions } from './subscriptions';

let cached: Partial<Record<SubscribeKind, string>> = {};

/** Call when a logged-in page shows; failures leave the cache as it was (the ask is then skipped). */
export function prefetchSubscribeTemplates(): void {
  fetchSubscriptions()
    .then((v) => {
      cached = Object.fromEntries(v.templates.map((t) => [t.kind, t.templateId]));
    })
    .catch(() => undefined);
}

/** The known template ids of `kinds`, in order (those not configured are left out). */
export function templateIdsOf(kinds: readonly SubscribeKind[]): string[] {
  return kinds.map((k) => cached[k]).filter((id): id is string => !!id);
}

/** WeChat's answer map without errMsg and anything that is not an answer. */
export function answersOf(raw: Record<string, unknown>, ids: readonly string[]): Record<string, SubscribeAnswer> {
  const out: Record<string, SubscribeAnswer> = {};
  for (const id of ids) {
    const v = raw[id];
    if (typeof v === 'string' && (SUBSCRIBE_ANSWERS as readonly string[]).includes(v)) out[id] = v as SubscribeAnswer;
  }
  return out;
}
